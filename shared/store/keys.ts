/**
 * The single-table layout: every key and index name lives here.
 *
 *   pk = REPORT#<cycle>#<country>
 *     sk = R#META                         report status and version (+ gsi1 keys for the reviewer's list)
 *     sk = R#SECTION#<section>            one answer
 *     sk = R#ATTACHMENT#<section>#<id>    attachment metadata
 *     sk = EVENT#<version, 10 digits>     append-only audit events, oldest first
 *   gsi1: gsi1pk = CYCLE#<cycle>, gsi1sk = <report status>#<country>  (report meta items only)
 *
 * A report (meta, sections, attachments) is one Query on `begins_with(sk, 'R#')`; its history is one
 * Query on `begins_with(sk, 'EVENT#')`; a cycle's reports are one Query on gsi1.
 */

export const GSI1 = 'gsi1';
export const REPORT_ITEMS_PREFIX = 'R#';
export const EVENT_PREFIX = 'EVENT#';
export const META_SK = 'R#META';

export const reportPk = (cycle: string, country: string) => `REPORT#${cycle}#${country}`;
export const sectionSk = (section: string) => `R#SECTION#${section}`;
export const attachmentSk = (section: string, id: string) => `R#ATTACHMENT#${section}#${id}`;
export const attachmentPrefix = (section: string) => `R#ATTACHMENT#${section}#`;
export const eventSk = (version: number) => `${EVENT_PREFIX}${String(version).padStart(10, '0')}`;
export const cycleGsiPk = (cycle: string) => `CYCLE#${cycle}`;
export const cycleGsiSk = (status: string, country: string) => `${status}#${country}`;
