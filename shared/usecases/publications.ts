/**
 * Use cases of publications: what the public reads. Publishing stores an immutable publication (the
 * answers and the files as published, numbered 1, 2, …); anyone who is not a reader of the country's
 * report (the public, other countries) reads the latest one, also while a correction is under way,
 * and every publication stays readable.
 */
import type { CycleInfo, Participant } from '../form';
import type { Attachment } from '../store/attachment-items';
import type { PublicationHeader } from '../store/items';
import type { PublicationRead } from '../store/report-archive';
import { attachmentKey } from '../store/keys';
import { ForbiddenError, NotFoundError, type Actor, type Publication, type ReportState } from '../workflow';
import type { ReportDeps } from './deps';
import type { ReportView } from './reports';
import { resolveReport, type ReportAddress } from './resolve';

/** Which publication a view shows, and whether the report is being corrected meanwhile. */
export interface PublicationInfo {
  number: number;
  at: string;
  /** The report was reopened after this publication: a correction is under way (the public keeps reading this one). */
  correctionInProgress: boolean;
}

/** The publication a publish writes: the answers as they are, and the uploaded files with where their bytes are. */
export function publicationOf(report: ReportState, attachments: ReadonlyMap<string, Attachment[]>): Publication {
  return {
    number: (report.publications ?? 0) + 1,
    sections: report.sections.map((s) => ({ id: s.id, text: s.text, nothingToReport: s.nothingToReport })),
    attachments: [...attachments].flatMap(([section, files]) =>
      files.map((f) => ({ section, id: f.id, filename: f.filename, contentType: f.contentType, size: f.size, uploadedAt: f.uploadedAt, uploadedBy: f.uploadedBy, key: attachmentKey(report.cycle, report.country, section, f.id) })),
    ),
  };
}

/**
 * The refusal of an unpublished report to someone who is not its reader: a signed-in user is told
 * they may not read it (403); the public finds nothing (404).
 */
export function notPublished(participant: Participant, cycle: string, actor: Actor | undefined): Error {
  return actor ? new ForbiddenError(`You may not read the report of ${participant.name}: only the country and the secretariat read it before it is published.`) : new NotFoundError(`No published report of ${participant.name} in ${cycle}.`);
}

/** A publication as a report view: every section approved with its published answer, the files as published. */
function viewOf(info: CycleInfo, participant: Participant, read: PublicationRead, status: { version: number; current: ReportState['status'] }): ReportView & { publication: PublicationInfo } {
  const answers = new Map(read.sections.map((s) => [s.id, s]));
  const attachments = new Map<string, Attachment[]>();
  for (const { section, key: _key, ...file } of read.header.attachments) attachments.set(section, [...(attachments.get(section) ?? []), file]);
  return {
    info,
    participant,
    report: {
      cycle: info.cycle.id,
      country: participant.code,
      status: 'published',
      version: status.version,
      updatedAt: read.header.at,
      publications: read.header.number,
      sections: info.sectionIds.map((id) => ({ id, status: 'approved', text: answers.get(id)?.text ?? '', nothingToReport: answers.get(id)?.nothingToReport ?? false, version: 0 })),
    },
    attachments,
    drafts: [],
    publication: { number: read.header.number, at: read.header.at, correctionInProgress: status.current !== 'published' },
  };
}

/**
 * The latest publication of a report, as the public reads it (404 when it was never published).
 * One Query of the publication and one GetItem of the report's status, in parallel.
 */
export async function getPublishedReport(deps: ReportDeps, at: ReportAddress, actor?: Actor): Promise<ReportView & { publication: PublicationInfo }> {
  const { info, participant } = await resolveReport(deps.cycles, at);
  const [read, summary] = await Promise.all([deps.reports.archive.latestPublication(info.cycle.id, participant.code, info.sectionIds.length), deps.reports.getSummary(info, participant.code)]);
  if (!read) throw notPublished(participant, info.cycle.id, actor);
  return viewOf(info, participant, read, { version: summary.version, current: summary.status });
}

/** One publication, for anyone (404 when there is no such number). One Query and one GetItem, in parallel. */
export async function getPublication(deps: ReportDeps, at: ReportAddress & { number: number }): Promise<ReportView & { publication: PublicationInfo }> {
  const { info, participant } = await resolveReport(deps.cycles, at);
  const [read, summary] = await Promise.all([deps.reports.archive.publication(info.cycle.id, participant.code, at.number), deps.reports.getSummary(info, participant.code)]);
  if (!read) throw new NotFoundError(`The report of ${participant.name} has no publication ${at.number}.`);
  const latest = read.header.number === summary.publications;
  return viewOf(info, participant, read, { version: summary.version, current: latest ? summary.status : 'published' });
}

/** Every publication of a report, oldest first, for anyone. One Query. */
export async function listPublications(deps: ReportDeps, at: ReportAddress): Promise<{ info: CycleInfo; participant: Participant; publications: PublicationHeader[] }> {
  const { info, participant } = await resolveReport(deps.cycles, at);
  return { info, participant, publications: await deps.reports.archive.publications(info.cycle.id, participant.code) };
}
