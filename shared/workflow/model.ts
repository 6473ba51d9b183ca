/**
 * Domain model of a report under review: statuses, actors and the state that decisions read.
 * Pure data and pure functions; no AWS, no Hono, no I/O.
 */
import { createHash } from 'node:crypto';
import { isBlankToReader } from './limits';

export const SECTION_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const ROLES = ['rapporteur', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who acts: from the verified token's claims. */
export interface Actor {
  sub: string;
  name: string;
  roles: Role[];
  /** Set for rapporteurs: the one country they report for. */
  country?: string;
}

/** The part of an actor kept on items and events (never the token). */
export interface ActorRef {
  sub: string;
  name: string;
}

export interface SectionState {
  id: string;
  status: SectionStatus;
  text: string;
  nothingToReport: boolean;
  /** Increments on every write of the section (answer or status); the ETag is derived from it. */
  version: number;
  /** The version of the last write of the answer: the revision a reader sees (0 when never answered). */
  contentVersion?: number;
  updatedAt?: string;
  updatedBy?: ActorRef;
  /** The reviewer's comment of the last return, kept until the section is submitted again. */
  returnComment?: string;
  /** The last decision sent on this section in a review. */
  review?: SectionReview;
  /** When the country last replied in the section's conversation. */
  repliedAt?: string;
}

export const VERDICTS = ['approve', 'return'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A decision as sent: what, when, by whom, and a fingerprint of the answer it was made on. */
export interface SectionReview {
  verdict: Verdict;
  at: string;
  by: ActorRef;
  contentHash: string;
  /** The revision (content version) the decision was made on. */
  version?: number;
}

/** The revision a section's answer is at (its content version; sections saved before revisions existed: their version). */
export function revisionOf(section: Pick<SectionState, 'version' | 'contentVersion'>): number {
  return section.contentVersion ?? section.version;
}

export interface ReportState {
  cycle: string;
  country: string;
  status: ReportStatus;
  /** Increments on every state change of the report or any of its sections. 0: never changed. */
  version: number;
  updatedAt?: string;
  /** How many times the report has been published (the number of its latest publication); 0: never. */
  publications?: number;
  /** When the latest publication was made. */
  publishedAt?: string;
  /** The sections changed since their last review when the report was last submitted (not decided since). */
  changedSections?: string[];
  /** Every section of the form, in form order (untouched ones as empty drafts at version 0). */
  sections: SectionState[];
}

/** A fresh, untouched section. */
export function emptySection(id: string): SectionState {
  return { id, status: 'draft', text: '', nothingToReport: false, version: 0 };
}

/** A participant's report that nobody has touched yet. */
export function emptyReport(cycle: string, country: string, sectionIds: readonly string[]): ReportState {
  return { cycle, country, status: 'draft', version: 0, sections: sectionIds.map(emptySection) };
}

/** A section has an answer when it has text or is marked nothing-to-report. */
export function isAnswered(section: Pick<SectionState, 'text' | 'nothingToReport'>): boolean {
  return section.nothingToReport || !isBlankToReader(section.text);
}

/** A fingerprint of an answer (text and nothing-to-report mark): equal answers, equal fingerprints. */
export function contentHash(section: Pick<SectionState, 'text' | 'nothingToReport'>): string {
  return createHash('sha256').update(`${section.nothingToReport ? 1 : 0}\n${section.text}`).digest('base64url').slice(0, 22);
}

/** The answer differs from the one the last sent decision was made on (saving the same text again changes nothing). */
export function changedSinceReview(section: Pick<SectionState, 'text' | 'nothingToReport' | 'review'>): boolean {
  return section.review !== undefined && contentHash(section) !== section.review.contentHash;
}

/** The country replied in the section's conversation after it was returned. */
export function repliedSinceReturn(section: Pick<SectionState, 'review' | 'repliedAt'>): boolean {
  return section.review?.verdict === 'return' && section.repliedAt !== undefined && section.repliedAt > section.review.at;
}

/** A returned section the country has neither revised nor answered yet: it cannot be resubmitted as it is. */
export function awaitsResponse(section: SectionState): boolean {
  return section.status === 'returned' && section.review?.verdict === 'return' && !changedSinceReview(section) && !repliedSinceReturn(section);
}

/**
 * Opaque entity tag of a section version (a quoted string, as HTTP wants it). It carries the status
 * the section had at that version (every status change makes a new version), so a save can record
 * the status of its revision without reading the section first.
 */
export function sectionEtag(cycle: string, country: string, section: Pick<SectionState, 'id' | 'version' | 'status'>): string {
  return `"${cycle}-${country}-${section.id}-v${section.version}-${section.status}"`;
}

/**
 * The section version (and its status) an entity tag names, or undefined when the tag is not one of
 * this section's: a tag of another section or report, or a weak tag (If-Match compares strongly,
 * RFC 9110 §13.1.1), fails as stale rather than applying elsewhere.
 */
export function stateFromEtag(cycle: string, country: string, sectionId: string, etag: string): { version: number; status: SectionStatus } | undefined {
  const match = /^"(.+)-v(\d{1,9})-([a-z]+)"$/.exec(etag.trim());
  if (!match || match[1] !== `${cycle}-${country}-${sectionId}` || !(SECTION_STATUSES as readonly string[]).includes(match[3]!)) return undefined;
  return { version: Number(match[2]), status: match[3] as SectionStatus };
}
