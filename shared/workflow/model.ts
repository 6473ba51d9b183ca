/**
 * Domain model of a report under review: statuses, actors and the state that decisions read.
 * Pure data; no AWS, no Hono, no I/O.
 */

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
  /** Increments on every write of the section; the ETag is derived from it. */
  version: number;
  updatedAt?: string;
  updatedBy?: ActorRef;
  /** The reviewer's comment of the last return, kept until the section is submitted again. */
  returnComment?: string;
}

export interface ReportState {
  cycle: string;
  country: string;
  status: ReportStatus;
  /** Increments on every state change of the report or any of its sections. 0: never changed. */
  version: number;
  updatedAt?: string;
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
  return section.nothingToReport || section.text.trim().length > 0;
}

/** Opaque entity tag of a section version (a quoted string, as HTTP wants it). */
export function sectionEtag(cycle: string, country: string, section: Pick<SectionState, 'id' | 'version'>): string {
  return `"${cycle}-${country}-${section.id}-v${section.version}"`;
}

/**
 * The section version an entity tag names, or undefined when the tag is not one of this section's
 * (a tag of another section or report never matches, so it fails as stale rather than applying elsewhere).
 */
export function versionFromEtag(cycle: string, country: string, sectionId: string, etag: string): number | undefined {
  const match = /^(?:W\/)?"(.+)-v(\d{1,9})"$/.exec(etag.trim());
  if (!match || match[1] !== `${cycle}-${country}-${sectionId}`) return undefined;
  return Number(match[2]);
}
