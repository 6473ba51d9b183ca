/**
 * The storage layout: every DynamoDB key, key prefix and index name, and every S3 key prefix, lives
 * here (infra's IAM grants are built from the same constants).
 *
 *   pk = REPORT#<cycle>#<country>
 *     sk = R#META                         report status and version (+ gsi1 keys for the reviewer's list)
 *     sk = R#SECTION#<section>            one answer
 *     sk = R#ATTACHMENT#<section>#<id>    attachment metadata
 *     sk = R#DRAFT#<reviewer sub>         a reviewer's draft review (staff only)
 *     sk = EVENT#<version, 10 digits>     append-only audit events, oldest first
 *     sk = COMMENT#<section>#<at>#<id>    append-only conversation of a section, oldest first
 *     sk = REV#<section>#V#<version, 10>  every answer a save (or import) wrote: the section's revisions
 *     sk = REV#<section>#F#<at>#<id>      an attachment added to or removed from the section
 *     sk = PUB#<n, 10>#~                  publication n: when, by whom, the files it lists (immutable)
 *     sk = PUB#<n, 10>#S#<section>        publication n: one answer as published (immutable)
 *   gsi1: gsi1pk = CYCLE#<cycle>, gsi1sk = <report status>#<country>  (report meta items)
 *                                 gsi1sk = ~review#<country>#<sub>     (draft reviews: "in progress" on the dashboard)
 *
 *   pk = CYCLES
 *     sk = CYCLE#<cycle>                  one reporting cycle: form, participants, deadline, extensions,
 *                                         status, previous cycle, and the item's version
 *
 *   pk = OUTBOX#<cycle>                   the transactional outbox of a cycle's notices
 *     sk = NOTICE#<at>#<id>               one notice (kind, report, counts; never answer or comment text),
 *                                         written in the transaction of the change it tells of; its
 *                                         delivery status (pending, sent, failed), attempts, last error
 *     sk = DELIVERY#<notice id>#<person>  one recipient's delivery (the idempotency key: a conditional Put)
 *     sk = REMINDER#<country>#<kind>      a reminder written once per participant and kind
 *
 *   pk = USERS                            the directory (OIDC provider and local; with Cognito: preferences only)
 *     sk = USER#<id>                      one person: email, name, role, country, disabled, preferences
 *     sk = EMAIL#<lower-case email>       the email's owner (a duplicate email fails its conditional Put)
 *
 *   S3: uploads/<cycle>/<country>/<section>/<id>       presigned PUT target; expires unless completed
 *       attachments/<cycle>/<country>/<section>/<id>   completed attachments
 *
 * A report (meta, sections, attachments, draft reviews) is one Query on `begins_with(sk, 'R#')` whose
 * size does not grow with comments or events; its history is one Query on `begins_with(sk, 'EVENT#')`;
 * its conversations one Query on `begins_with(sk, 'COMMENT#')` (one section's: `COMMENT#<section>#`);
 * its history (events and comments together) one Query on `sk BETWEEN 'COMMENT#' AND 'EVENT#\uffff'`:
 * keep those two prefixes adjacent in the sort order (no new prefix may sort between them);
 * a cycle's reports and reviews in progress are one Query on gsi1.
 * Every cycle is one Query on the `CYCLES` partition (one item per cycle: there is one cycle a year).
 */

export const GSI1 = 'gsi1';
export const REPORT_ITEMS_PREFIX = 'R#';
export const SECTION_PREFIX = 'R#SECTION#';
export const ATTACHMENT_PREFIX = 'R#ATTACHMENT#';
export const DRAFT_PREFIX = 'R#DRAFT#';
export const EVENT_PREFIX = 'EVENT#';
export const COMMENT_PREFIX = 'COMMENT#';
export const REVISION_PREFIX = 'REV#';
export const PUBLICATION_PREFIX = 'PUB#';
export const META_SK = 'R#META';

export const CYCLES_PK = 'CYCLES';
export const CYCLE_PREFIX = 'CYCLE#';
export const cycleSk = (cycle: string) => `${CYCLE_PREFIX}${cycle}`;

export const reportPk = (cycle: string, country: string) => `REPORT#${cycle}#${country}`;
export const sectionSk = (section: string) => `${SECTION_PREFIX}${section}`;
export const attachmentSk = (section: string, id: string) => `${ATTACHMENT_PREFIX}${section}#${id}`;
export const attachmentPrefix = (section: string) => `${ATTACHMENT_PREFIX}${section}#`;
export const eventSk = (version: number) => `${EVENT_PREFIX}${String(version).padStart(10, '0')}`;
export const draftSk = (reviewer: string) => `${DRAFT_PREFIX}${reviewer}`;
export const commentPrefix = (section: string) => `${COMMENT_PREFIX}${section}#`;
export const commentSk = (section: string, at: string, id: string) => `${commentPrefix(section)}${at}#${id}`;
export const activityPrefix = (section: string) => `${REVISION_PREFIX}${section}#`;
export const revisionSk = (section: string, version: number) => `${activityPrefix(section)}V#${String(version).padStart(10, '0')}`;
export const fileActivitySk = (section: string, at: string, id: string) => `${activityPrefix(section)}F#${at}#${id}`;
/** All items of publication n (its header sorts last: `~` after `S`). */
export const publicationPrefix = (n: number) => `${PUBLICATION_PREFIX}${String(n).padStart(10, '0')}#`;
export const publicationSk = (n: number) => `${publicationPrefix(n)}~`;
export const publishedSectionSk = (n: number, section: string) => `${publicationPrefix(n)}S#${section}`;
export const cycleGsiPk = (cycle: string) => `CYCLE#${cycle}`;
export const cycleGsiSk = (status: string, country: string) => `${status}#${country}`;
/** After every report status (`~` sorts last), so a status prefix never matches a draft review. */
export const reviewGsiSk = (country: string, reviewer: string) => `~review#${country}#${reviewer}`;

export const OUTBOX_PREFIX = 'OUTBOX#';
export const NOTICE_PREFIX = 'NOTICE#';
export const outboxPk = (cycle: string) => `${OUTBOX_PREFIX}${cycle}`;
export const noticeSk = (at: string, id: string) => `${NOTICE_PREFIX}${at}#${id}`;
export const deliverySk = (notice: string, person: string) => `DELIVERY#${notice}#${person}`;
export const reminderSk = (country: string, kind: string) => `REMINDER#${country}#${kind}`;
export const USERS_PK = 'USERS';
export const USER_PREFIX = 'USER#';
export const userSk = (id: string) => `${USER_PREFIX}${id}`;
export const emailSk = (email: string) => `EMAIL#${email.toLowerCase()}`;

/** S3 key prefix of uploads in flight (the bucket's lifecycle rule expires what is never completed). */
export const UPLOADS_PREFIX = 'uploads/';
/** S3 key prefix of completed attachments. */
export const ATTACHMENTS_PREFIX = 'attachments/';

/** Where the browser uploads: expires by the bucket's lifecycle rule unless completed. */
export const uploadKey = (cycle: string, country: string, section: string, id: string) => `${UPLOADS_PREFIX}${cycle}/${country}/${section}/${id}`;
/** Where a completed attachment lives. */
export const attachmentKey = (cycle: string, country: string, section: string, id: string) => `${ATTACHMENTS_PREFIX}${cycle}/${country}/${section}/${id}`;
