/**
 * Use cases of a section's revisions: every answer a save wrote, the attachments added and removed,
 * one revision's text, and what changed between two revisions (by default since the last review) as
 * a word diff whose parts rebuild both texts exactly. For the report's readers, never the public.
 */
import type { CycleInfo, Participant, Section } from '../form';
import type { FileActivity, Revision } from '../store/items';
import { ForbiddenError, InvalidInputError, NotFoundError, changedSinceReview, isReaderOf, revisionOf, type Actor, type ReportState, type SectionState } from '../workflow';
import type { ReportDeps } from './deps';
import { getSection } from './reports';
import { resolveSection, type SectionAddress } from './resolve';

export interface RevisionSummary {
  version: number;
  at: string;
  by: Revision['by'];
  status: Revision['status'];
}

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

async function assertReader(deps: ReportDeps, actor: Actor, at: SectionAddress) {
  const resolved = await resolveSection(deps.cycles, at);
  if (!isReaderOf(actor, resolved.participant.code)) throw new ForbiddenError(`You may not read the revisions of the report of ${resolved.participant.name}.`);
  return resolved;
}

/** A section's revisions, oldest first (without their text), and its attachment activity. One Query. */
export async function listRevisions(deps: ReportDeps, actor: Actor, at: SectionAddress): Promise<{ revisions: RevisionSummary[]; files: FileActivity[] }> {
  const { info, participant, section } = await assertReader(deps, actor, at);
  const { revisions, files } = await deps.reports.archive.activity(info.cycle.id, participant.code, section.id);
  return { revisions: revisions.map(({ version, at: when, by, status }) => ({ version, at: when, by, status })), files };
}

/** One revision with its text. One GetItem (a BatchGet of one key). */
export async function getRevision(deps: ReportDeps, actor: Actor, at: SectionAddress & { version: number }): Promise<Revision> {
  const { info, participant, section } = await assertReader(deps, actor, at);
  const revision = (await deps.reports.archive.revisions(info.cycle.id, participant.code, section.id, [at.version])).get(at.version);
  if (!revision) throw new NotFoundError(`Section ${section.id} has no revision ${at.version}.`);
  return revision;
}

/**
 * One revision with what it changed from the revision before it (the revisions page). One Query: a
 * section's activity holds every revision with its text. Numbers follow the section's version, which
 * submitting and reviewing move too, so the one before is the list's, not `version - 1`.
 */
export async function getRevisionWithChanges(
  deps: ReportDeps,
  actor: Actor,
  at: SectionAddress & { version: number },
): Promise<{ info: CycleInfo; participant: Participant; section: Section; revision: Revision; previous?: { version: number; changes: DiffPart[] } }> {
  const { info, participant, section } = await assertReader(deps, actor, at);
  const { revisions } = await deps.reports.archive.activity(info.cycle.id, participant.code, section.id);
  const index = revisions.findIndex((r) => r.version === at.version);
  if (index < 0) throw new NotFoundError(`Section ${section.id} has no revision ${at.version}.`);
  const revision = revisions[index]!;
  const before = revisions[index - 1];
  return { info, participant, section, revision, ...(before ? { previous: { version: before.version, changes: await wordDiff(shown(before), shown(revision)) } } : {}) };
}

/** The word diff of two texts (./word-diff.ts, with the diff library: loaded on the first diff, not at cold start). */
async function wordDiff(before: string, after: string): Promise<DiffPart[]> {
  return (await import('./word-diff')).wordDiff(before, after);
}

/** The text a revision shows a reader: its answer, or the words of the mark. */
function shown(revision: Pick<Revision, 'text' | 'nothingToReport'>): string {
  return revision.nothingToReport ? 'Nothing to report.' : revision.text;
}

/**
 * What changed in a section between revisions `from` (default: the one the last decision was made on)
 * and `to` (default: the current answer). One Query for the section, one BatchGet for the revisions.
 */
export async function diffSection(
  deps: ReportDeps,
  actor: Actor,
  at: SectionAddress & { from?: number | undefined; to?: number | undefined },
): Promise<{ from: number; to: number; changes: DiffPart[]; state: SectionState }> {
  const { state } = await getSection(deps, actor, at);
  if (!isReaderOf(actor, at.country)) throw new ForbiddenError(`You may not read the revisions of the report of ${at.country}.`);
  const current = revisionOf(state);
  const from = at.from ?? state.review?.version;
  if (from === undefined) throw new InvalidInputError(`Section ${state.id} has not been reviewed yet: say which revision to compare from.`, [{ path: 'query.from', message: 'is required: the section has no review yet' }]);
  const to = at.to ?? current;
  const wanted = [from, to].filter((v) => v !== current);
  const kept = await deps.reports.archive.revisions(at.cycle, at.country, state.id, wanted);
  // The current answer is the section itself (sections saved before revisions were kept have no revision item).
  const text = (version: number, field: 'query.from' | 'query.to') => {
    if (version === current) return shown(state);
    const revision = kept.get(version);
    if (!revision) throw new NotFoundError(`Section ${state.id} has no revision ${version}.`, [{ path: field, message: `names no revision of section ${state.id}` }]);
    return shown(revision);
  };
  return { from, to, changes: await wordDiff(text(from, 'query.from'), text(to, 'query.to')), state };
}

/** What changed in one section since its last review: the versions compared and the word diff. */
export interface SectionChanges {
  from: number;
  to: number;
  changes: DiffPart[];
}

/**
 * What changed since the review in every section of a report read by one of its readers that changed
 * since its review (the report page of a reviewer): the reviewed revisions in one BatchGetItem, the
 * current answers from the report already read. Empty for anyone else, and when nothing changed.
 */
export async function changesSinceReview(deps: ReportDeps, actor: Actor | undefined, report: ReportState, only?: string): Promise<Map<string, SectionChanges>> {
  const found = new Map<string, SectionChanges>();
  if (!isReaderOf(actor, report.country)) return found;
  const changed = report.sections.flatMap((s) => {
    const version = s.review?.version;
    return (only === undefined || s.id === only) && changedSinceReview(s) && version !== undefined && version !== revisionOf(s) ? [{ state: s, version }] : [];
  });
  if (changed.length === 0) return found;
  const kept = await deps.reports.archive.revisionsOf(report.cycle, report.country, changed.map(({ state, version }) => ({ section: state.id, version })));
  for (const { state: s, version } of changed) {
    const reviewed = kept.get(`${s.id} ${version}`);
    // A section reviewed before revisions were kept has no reviewed revision to compare with.
    if (reviewed) found.set(s.id, { from: reviewed.version, to: revisionOf(s), changes: await wordDiff(shown(reviewed), shown(s)) });
  }
  return found;
}
