/**
 * Use cases of the per-section conversations: read a section's thread (or every thread of a report)
 * and add to it. The country's rapporteurs reply (never internally) on returned sections; the
 * secretariat adds notes, internal ones for itself only. Nothing is edited or deleted.
 */
import { ForbiddenError, decideComment, isReaderOf, visibleComments, type Actor, type Comment } from '../workflow';
import type { ReportDeps } from './deps';
import { resolveReport, resolveSection, writableSection, type ReportAddress, type SectionAddress } from './resolve';

function assertReader(actor: Actor, participant: { code: string; name: string }): void {
  // Conversations are never public, even once the report is published.
  if (!isReaderOf(actor, participant.code)) throw new ForbiddenError(`You may not read the conversations of the report of ${participant.name}.`);
}

/** One section's conversation, oldest first, as `actor` may see it (never an internal note for the country). One Query. */
export async function listComments(deps: ReportDeps, actor: Actor, at: SectionAddress): Promise<Comment[]> {
  const { info, participant, section } = await resolveSection(deps.cycles, at);
  assertReader(actor, participant);
  return visibleComments(actor, await deps.reports.comments(info.cycle.id, participant.code, section.id));
}

/** Every section's conversation of a report, by section (the report and history pages). One Query. */
export async function listReportComments(deps: ReportDeps, actor: Actor, at: ReportAddress): Promise<Map<string, Comment[]>> {
  const { info, participant } = await resolveReport(deps.cycles, at);
  assertReader(actor, participant);
  const bySection = new Map<string, Comment[]>();
  for (const comment of visibleComments(actor, await deps.reports.comments(info.cycle.id, participant.code))) {
    const list = bySection.get(comment.section) ?? [];
    list.push(comment);
    bySection.set(comment.section, list);
  }
  return bySection;
}

/**
 * Adds to a section's conversation. A note of the secretariat is one Put; the country's reply is one
 * transaction that also records the reply on the section, only while it is returned (409 otherwise).
 */
export async function addComment(deps: ReportDeps, actor: Actor, at: SectionAddress, input: { text: string; internal?: boolean | undefined }): Promise<Comment> {
  // A conversation is part of its report: it changes only while the report's cycle is open.
  const { info, participant, section } = await writableSection(deps.cycles, at);
  const decision = decideComment(actor, participant.code, input);
  return deps.reports.addComment(
    info,
    participant.code,
    { section: section.id, author: { sub: actor.sub, name: actor.name }, role: decision.role, kind: decision.kind, internal: decision.internal, text: input.text },
    decision.sectionMustBe,
  );
}
