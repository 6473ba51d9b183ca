/**
 * Use cases on reporting-form documents: import a published document into a report (through the
 * same workflow and store as the API), export a report, and compile a cycle.
 */
import type { CountryReport } from '../documents/answers';
import type { Edition } from '../documents/export';
import type { ParsedReportingForm } from '../documents/parse';
import { attachmentsBySection } from '../store/attachment-items';
import type { AuditEvent } from '../store/report-store';
import { InvalidInputError, authorize, deadlineOf, decideImport, isStaff, stateAfter, type Actor, type FieldError, type ReportState } from '../workflow';
import type { ReportDeps } from './deps';
import type { PublicationInfo } from './publications';
import { getReport } from './reports';
import { cycleOr404, participantOr404, writableReport, type ReportAddress } from './resolve';

export const MAX_DOCUMENT_BYTES = 1024 * 1024;

export interface ImportOptions {
  /** Parse and check only; write nothing. */
  dryRun?: boolean;
  /** Submit the report on the country's behalf in the same write. */
  submit?: boolean;
  /** Replace answers the country has saved (refused otherwise). */
  overwrite?: boolean;
  /** Where the document came from, for the audit event (a file name). */
  source: string;
}

export interface ImportResult {
  cycle: string;
  country: string;
  dryRun: boolean;
  status: ReportState['status'];
  sections: Array<{ id: string; text: string; nothingToReport: boolean }>;
  /** File names listed in the document; their files are not part of a text import. */
  attachmentsNotImported: Array<{ section: string; filename: string }>;
  events: AuditEvent[];
}

/** Field errors for every line the parser could not place and every heading that disagrees with the form. */
export function documentErrors(parsed: ParsedReportingForm): FieldError[] {
  return [
    ...parsed.unplaced.map((u) => ({ path: `document.line.${u.line}`, message: `${u.reason}: "${u.text.slice(0, 120)}"` })),
    ...parsed.problems.map((p) => ({ path: p.line ? `document.line.${p.line}` : 'document', message: p.message })),
  ];
}

/**
 * Imports a document into a draft report: refused (400, nothing written) when a line cannot be
 * placed, a heading does not match the cycle's form, or the document names another country.
 * One consistent Query and one transaction (with `submit`, the import and the submission are that one transaction).
 */
export async function importDocument(deps: ReportDeps, actor: Actor, at: ReportAddress, text: string, options: ImportOptions): Promise<ImportResult> {
  const { info } = await writableReport(deps.cycles, at);
  const { country, cycle: cycleId } = at;
  authorize(options.submit ? 'submitImport' : 'importReport', actor, country);
  // The parser is loaded on the first import (a lazy chunk of the approval function), not at cold start.
  const { parseReportingForm } = await import('../documents/parse');
  const parsed = parseReportingForm(text, info);
  const errors = documentErrors(parsed);
  if (parsed.country && parsed.country !== country) {
    errors.unshift({ path: 'document.country', message: `the document is the report of ${parsed.country}, not ${country}` });
  }
  if (errors.length > 0) {
    throw new InvalidInputError(`The document cannot be imported: ${errors.length} line(s) or heading(s) do not fit the ${cycleId} form.`, errors);
  }
  const attachmentsNotImported = [...parsed.answers].flatMap(([section, a]) => a.attachments.map((filename) => ({ section, filename })));
  const { report } = await deps.reports.getReport(info, country, { consistent: true });
  const plan = decideImport(actor, report, parsed.answers, options.source, { submit: options.submit, overwrite: options.overwrite, deadline: deadlineOf(info.cycle, country) });
  if (options.dryRun) return importResult(stateAfter(report, plan, new Date().toISOString(), actor), attachmentsNotImported, [], true);
  const event = await deps.reports.apply(plan, actor);
  return importResult(stateAfter(report, plan, event.at, event.actor), attachmentsNotImported, [event], false);
}

function importResult(state: ReportState, attachmentsNotImported: ImportResult['attachmentsNotImported'], events: AuditEvent[], dryRun: boolean): ImportResult {
  return {
    cycle: state.cycle,
    country: state.country,
    dryRun,
    status: state.status,
    sections: state.sections.map((s) => ({ id: s.id, text: s.text, nothingToReport: s.nothingToReport })),
    attachmentsNotImported,
    events,
  };
}

export type DocumentFormat = 'md' | 'html';

/** A report in the official layout, for whoever may read it (anyone once published). One Query. */
export async function exportReport(deps: ReportDeps, actor: Actor | undefined, at: ReportAddress & { format: DocumentFormat }): Promise<string> {
  const { info, participant, report, attachments, publication } = await getReport(deps, actor, at);
  const sections = report.sections.map((s) => ({ ...s, attachments: attachments.get(s.id) ?? [] }));
  const edition = editionOf(report, publication);
  // Rendering (marked) is loaded on the first export, not at cold start (a lazy chunk of the bundle).
  const { renderHtml, renderMarkdown } = await import('../documents/export');
  return at.format === 'md' ? renderMarkdown(info, participant.name, sections, edition) : renderHtml(info, participant.name, sections, { edition });
}

/** The edition an export names: the publication the view is, the publication a published report is, or the report as it stands. */
function editionOf(report: ReportState, publication: PublicationInfo | undefined): Edition {
  if (publication) return { publication };
  if (report.status === 'published' && report.publications && report.publishedAt) return { publication: { number: report.publications, at: report.publishedAt } };
  return { status: report.status, updatedAt: report.updatedAt };
}

/**
 * A cycle's reports in one document. Reviewers and admins see every report that has been submitted
 * at least once, as it is; everyone else the latest publication of every published report. One index
 * Query, then one Query per report (8 in flight).
 */
export async function compileCycle(deps: ReportDeps, actor: Actor | undefined, input: { cycle: string; format: DocumentFormat }): Promise<string> {
  const info = await cycleOr404(deps.cycles, input.cycle);
  const staff = isStaff(actor);
  const summaries = (await deps.reports.listReports(info)).filter((s) => (staff ? s.status !== 'draft' : s.publications > 0));
  const reports: CountryReport[] = await mapLimit(summaries, 8, async (summary) => {
    const countryName = participantOr404(info, summary.country).name;
    if (!staff) {
      const read = await deps.reports.archive.latestPublication(info.cycle.id, summary.country, info.sectionIds.length);
      const files = read?.header.attachments ?? [];
      const edition: Edition | undefined = read ? { publication: { number: read.header.number, at: read.header.at, correctionInProgress: summary.status !== 'published' } } : undefined;
      return { country: summary.country, countryName, ...(edition ? { edition } : {}), sections: (read?.sections ?? []).map((s) => ({ ...s, attachments: files.filter((f) => f.section === s.id) })) };
    }
    const { report, otherItems } = await deps.reports.getReport(info, summary.country);
    const attachments = attachmentsBySection(otherItems);
    return { country: summary.country, countryName, edition: editionOf(report, undefined), sections: report.sections.map((s) => ({ ...s, attachments: attachments.get(s.id) ?? [] })) };
  });
  const { renderCompilationHtml, renderCompilationMarkdown } = await import('../documents/compile');
  return input.format === 'md' ? renderCompilationMarkdown(info, reports) : renderCompilationHtml(info, reports);
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}
