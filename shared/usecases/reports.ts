/**
 * Use cases on reports: read one (with the reader check), list a cycle's reports, save a section
 * (If-Match), run the workflow's transitions and read the history. The HTTP API and the web pages
 * call these and nothing below them; each takes the actor and plain input and returns plain data.
 */
import type { CycleInfo, Participant, Section } from '../form';
import { attachmentsBySection, type Attachment } from '../store/attachment-items';
import type { AuditEvent, ReportSummary, SavedSection } from '../store/report-store';
import {
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  PreconditionRequiredError,
  authorize,
  canRead,
  deadlineOf,
  decideSave,
  decideTransition,
  isReaderOf,
  isStaff,
  stateAfter,
  stateFromEtag,
  type Actor,
  type ReportState,
  type ReportStatus,
  type SectionState,
  type TransitionAction,
  type TransitionInput,
  type TransitionPlan,
  decideReopen,
  type DraftReview,
  type Comment,
  visibleComments,
} from '../workflow';
import type { ReportDeps } from './deps';
import { getPublishedReport, publicationOf, type PublicationInfo } from './publications';
import { cycleOr404, participantOr404, resolveReport, resolveSection, writableReport, writableSection, type ReportAddress, type SectionAddress } from './resolve';

/**
 * A report as its reader sees it: the cycle, the participant, every section, the uploaded attachments
 * by section, and (for the secretariat only) the draft reviews kept on it.
 */
export interface ReportView {
  info: CycleInfo;
  participant: Participant;
  report: ReportState;
  attachments: ReadonlyMap<string, Attachment[]>;
  /** Draft reviews in progress: empty for anyone outside the secretariat. */
  drafts: DraftReview[];
  /** Set when the view is a publication (what anyone but the country and the secretariat reads). */
  publication?: PublicationInfo;
}

/** One section of a report, with the report around it. */
export interface SectionView extends ReportView {
  section: Section;
  state: SectionState;
  files: Attachment[];
}

/** The refusal of a read: 403 for a signed-in user, 404 for the public (nothing to see). */
export function refuseRead(actor: Actor | undefined, participant: Participant, cycle: string): never {
  throw actor ? new ForbiddenError(`You may not read the report of ${participant.name}.`) : new NotFoundError(`No published report of ${participant.name} in ${cycle}.`);
}

/**
 * A report for `actor`: the country's rapporteurs and the secretariat read it as it is (one Query);
 * anyone else (another country, the public) reads its latest publication, 404 when it has none.
 */
export async function getReport(deps: ReportDeps, actor: Actor | undefined, at: ReportAddress): Promise<ReportView> {
  const { info, participant } = await resolveReport(deps.cycles, at);
  if (!isReaderOf(actor, participant.code)) return getPublishedReport(deps, at, actor);
  const { report, drafts, otherItems } = await deps.reports.getReport(info, participant.code);
  return { info, participant, report, attachments: attachmentsBySection(otherItems), drafts: isStaff(actor) ? drafts : [] };
}

/** One section and its report (the section page). One Query. */
export async function getSection(deps: ReportDeps, actor: Actor | undefined, at: SectionAddress): Promise<SectionView> {
  const { section } = await resolveSection(deps.cycles, at);
  const view = await getReport(deps, actor, at);
  const state = view.report.sections.find((s) => s.id === section.id)!;
  return { ...view, section, state, files: view.attachments.get(section.id) ?? [] };
}

/** A cycle's reports: every participant for staff (one index Query), one's own for a rapporteur (one GetItem). */
export async function listReports(deps: ReportDeps, actor: Actor, input: { cycle: string; status?: ReportStatus | undefined }): Promise<{ info: CycleInfo; reports: ReportSummary[] }> {
  const info = await cycleOr404(deps.cycles, input.cycle);
  if (isStaff(actor)) return { info, reports: await deps.reports.listReports(info, input.status) };
  if (!actor.roles.includes('rapporteur') || !actor.country) throw new ForbiddenError('Only rapporteurs, reviewers and admins list reports.');
  participantOr404(info, actor.country);
  const own = await deps.reports.getSummary(info, actor.country);
  return { info, reports: input.status === undefined || own.status === input.status ? [own] : [] };
}

/** The reports of a cycle that have been published at least once (also while corrected), for anyone. One index Query. */
export async function listPublishedReports(deps: ReportDeps, input: { cycle: string }): Promise<{ info: CycleInfo; reports: ReportSummary[] }> {
  const info = await cycleOr404(deps.cycles, input.cycle);
  return { info, reports: (await deps.reports.listReports(info)).filter((r) => r.publications > 0).map(({ reviewsInProgress: _hidden, ...r }) => r) };
}

export interface SaveSectionInput extends SectionAddress {
  text: string;
  nothingToReport: boolean;
  /** The section's etag as the client read it (If-Match). */
  ifMatch: string | undefined;
}

/** Saves one answer: one conditional UpdateItem on the version the client read (428 without it, 412 when stale). */
export async function saveSection(deps: ReportDeps, actor: Actor, input: SaveSectionInput): Promise<SavedSection> {
  const { cycle, country, section } = input;
  await writableSection(deps.cycles, input);
  const { allowedStatuses } = decideSave(actor, country);
  if (!input.ifMatch) throw new PreconditionRequiredError('Send the etag of the section as read in If-Match, so that a concurrent change is not overwritten.');
  const read = stateFromEtag(cycle, country, section, input.ifMatch);
  if (read === undefined) throw new PreconditionFailedError(`If-Match does not name a version of section ${section} (a strong entity tag as read); reload it.`);
  return deps.reports.saveSection({ cycle, country, section, expectedVersion: read.version, expectedStatus: read.status, allowedStatuses, text: input.text, nothingToReport: input.nothingToReport, actor });
}

/**
 * Decides and writes a transition: one consistent Query to read, one TransactWriteItems to write.
 * `extend` adds to the plan what needs more than the report's state (a publication's files).
 */
async function runTransition(
  deps: ReportDeps,
  actor: Actor,
  at: ReportAddress,
  action: TransitionAction,
  input: TransitionInput = {},
  extend?: (plan: TransitionPlan, report: ReportState, attachments: ReadonlyMap<string, Attachment[]>) => TransitionPlan,
): Promise<ReportView> {
  const { info, participant } = input.section === undefined ? await writableReport(deps.cycles, at) : await writableSection(deps.cycles, { ...at, section: input.section });
  // Who may act is known without the report: refuse before reading it.
  authorize(action, actor, participant.code);
  const { report, drafts, otherItems } = await deps.reports.getReport(info, participant.code, { consistent: true });
  const attachments = attachmentsBySection(otherItems);
  const decided = decideTransition(action, actor, report, { ...input, deadline: deadlineOf(info.cycle, participant.code) });
  const plan = extend ? extend(decided, report, attachments) : decided;
  const event = await deps.reports.apply(plan, actor);
  const after = { ...stateAfter(report, plan, event.at, event.actor), ...(plan.publication ? { publications: plan.publication.number } : {}) };
  return { info, participant, report: after, attachments, drafts: isStaff(actor) ? drafts : [] };
}

export const submitReport = (deps: ReportDeps, actor: Actor, at: ReportAddress) => runTransition(deps, actor, at, 'submitReport');
export const approveReport = (deps: ReportDeps, actor: Actor, at: ReportAddress) => runTransition(deps, actor, at, 'approveReport');
/** Publishes an approved report and stores publication n+1 (its answers and files as published) in the same write. */
export const publishReport = (deps: ReportDeps, actor: Actor, at: ReportAddress) =>
  runTransition(deps, actor, at, 'publishReport', {}, (plan, report, attachments) => ({ ...plan, publication: publicationOf(report, attachments) }));
export const approveSection = (deps: ReportDeps, actor: Actor, at: SectionAddress) => runTransition(deps, actor, at, 'approveSection', { section: at.section });
export const returnSection = (deps: ReportDeps, actor: Actor, at: SectionAddress & { comment: string }) =>
  runTransition(deps, actor, at, 'returnSection', { section: at.section, comment: at.comment });

/**
 * Reopens an approved section, or an approved or published report, with a reason (admins): one
 * consistent Query, one transaction. What the public reads stays the latest publication.
 */
export async function reopen(deps: ReportDeps, actor: Actor, at: ReportAddress & { section?: string | undefined; reason: string }): Promise<ReportView> {
  const { info, participant } = at.section === undefined ? await writableReport(deps.cycles, at) : await writableSection(deps.cycles, { ...at, section: at.section });
  authorize(at.section === undefined ? 'reopenReport' : 'reopenSection', actor, participant.code);
  const { report, drafts, otherItems } = await deps.reports.getReport(info, participant.code, { consistent: true });
  const plan = decideReopen(actor, report, { ...(at.section !== undefined ? { section: at.section } : {}), reason: at.reason });
  const event = await deps.reports.apply(plan, actor);
  return { info, participant, report: stateAfter(report, plan, event.at, event.actor), attachments: attachmentsBySection(otherItems), drafts };
}

/**
 * A report's history: its audit events (one per state change, a sent review with its decisions) and
 * the comments of its conversations, each oldest first; one Query. Never public; internal
 * notes only for the secretariat.
 */
export async function getHistory(deps: ReportDeps, actor: Actor, at: ReportAddress): Promise<{ info: CycleInfo; participant: Participant; events: AuditEvent[]; comments: Comment[] }> {
  const { info, participant } = await resolveReport(deps.cycles, at);
  if (!isReaderOf(actor, participant.code)) throw new ForbiddenError(`You may not read the history of the report of ${participant.name}.`);
  const { events, comments } = await deps.reports.history(info.cycle.id, participant.code);
  return { info, participant, events, comments: visibleComments(actor, comments).sort((a, b) => a.at.localeCompare(b.at)) };
}
