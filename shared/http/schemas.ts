/**
 * Request and response schemas of the HTTP contract (zod, with OpenAPI metadata). The route
 * contracts in functions/<app>/routes.ts are built from these; the OpenAPI document is generated from them.
 */
import { z } from '@hono/zod-openapi';
import { CYCLE_STATUSES, FormSchema, ID_FORMATS } from '../form';
import { ATTACHMENT_ID_PATTERN } from '../store/attachment-items';
import { ActorRefSchema as StoredActorRefSchema, AuditEventSchema as StoredAuditEventSchema } from '../store/items';
import { COMMENT_KINDS, MAX_ANSWER_LENGTH, MAX_COMMENT_LENGTH, REPORT_STATUSES, ROLES, SECTION_STATUSES, VERDICTS, isBlankToReader } from '../workflow';
import {
  ATTACHMENT_TYPES,
  attachmentKindsInWords,
  MAX_ATTACHMENT_SIZE,
  MAX_FILENAME_LENGTH,
  filenameProblem,
  isAttachmentContentType,
  normalizeContentType,
  sanitizeFilename,
  type AttachmentRequest,
} from '../workflow/attachments';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

/** The store's own schema (zod 4 `.meta` names it for OpenAPI whatever the module load order). */
export const ActorRefSchema = StoredActorRefSchema.meta({ id: 'ActorRef' });

export const AttachmentSchema = z
  .object({
    id: z.string(),
    filename: z.string().openapi({ description: 'For display only; never part of the storage key.' }),
    contentType: z.string(),
    size: z.number().int(),
    uploadedAt: z.string(),
    uploadedBy: ActorRefSchema,
  })
  .openapi('Attachment');

export const AttachmentDownloadSchema = AttachmentSchema.extend({ downloadUrl: z.string(), expiresAt: z.string() }).openapi('AttachmentDownload');

export const UploadTicketSchema = z
  .object({
    id: z.string(),
    uploadUrl: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()).openapi({ description: 'Headers the PUT must send exactly (they are signed into the URL).' }),
    expiresAt: z.string(),
  })
  .openapi('UploadTicket');

const ATTACHMENT_KINDS = 'PDF, Word, Excel, OpenDocument text and spreadsheet, PNG, JPEG, plain text, CSV';

/**
 * What a rapporteur declares before uploading. The filename is cleaned for display (last path
 * segment, no control or bidi characters) and its extension must agree with the type; the type is
 * normalized (case, parameters) to the value the upload must send.
 */
export const AttachmentUploadRequestSchema = z
  .object({
    filename: z
      .string()
      .overwrite(sanitizeFilename)
      .openapi({ example: 'criminal-code-amendments.pdf', description: `Shown to readers and used as the download name; at most ${MAX_FILENAME_LENGTH} characters, with the extension of its type.` }),
    contentType: z
      .string()
      .overwrite(normalizeContentType)
      .refine(isAttachmentContentType, `is not a kind of file accepted here; accepted: ${attachmentKindsInWords()}`)
      .openapi({ enum: Object.keys(ATTACHMENT_TYPES), example: 'application/pdf', description: ATTACHMENT_KINDS }),
    size: z
      .number()
      .int('must be a whole number of bytes')
      .min(1, 'must be at least 1 byte')
      .max(MAX_ATTACHMENT_SIZE, `must be at most ${MAX_ATTACHMENT_SIZE} bytes (25 MB)`)
      .openapi({ description: 'Bytes; at most 25 MB.' }),
  })
  .strict()
  .superRefine((value, ctx) => {
    const problem = filenameProblem(value.filename, value.contentType);
    if (problem) ctx.addIssue({ code: 'custom', path: ['filename'], message: problem });
  })
  .transform((value) => value as AttachmentRequest)
  .openapi('AttachmentUploadRequest');

export const ReviewInProgressSchema = z
  .object({ reviewer: ActorRefSchema, decisions: z.number().int(), updatedAt: z.string() })
  .openapi('ReviewInProgress');

export const SectionSchema = z
  .object({
    id: z.string().openapi({ example: '1.1.A' }),
    status: z.enum(SECTION_STATUSES),
    text: z.string().openapi({ description: 'The answer, in Markdown (CommonMark).' }),
    nothingToReport: z.boolean(),
    etag: z.string().openapi({ description: 'Opaque; send it back in If-Match to save the section.' }),
    updatedAt: z.string().optional(),
    updatedBy: ActorRefSchema.optional(),
    returnComment: z.string().optional().openapi({ description: "The reviewer's comment when the section was returned." }),
    review: z
      .object({ verdict: z.enum(VERDICTS), at: z.string(), by: ActorRefSchema })
      .optional()
      .openapi({ description: 'The last decision sent on this section in a review.' }),
    revision: z.number().int().openapi({ description: 'The revision the answer is at (0: never answered); see …/revisions.' }),
    reviewedVersion: z.number().int().optional().openapi({ description: 'The revision the last sent decision was made on.' }),
    changedSinceReview: z.boolean().openapi({ description: 'The answer differs from the one the last decision was made on.' }),
    awaitsResponse: z.boolean().openapi({ description: 'Returned, and neither revised nor answered by the country since: the report cannot be resubmitted yet.' }),
    repliedAt: z.string().optional().openapi({ description: "When the country last replied in the section's conversation." }),
    attachments: z.array(AttachmentSchema).optional().openapi({ description: 'Uploaded attachments (in report responses; a save response omits them).' }),
  })
  .openapi('Section');

/** A section as a save wrote it: the answer, its status and its new etag (the review state is the report's). */
export const SavedSectionSchema = z
  .object({
    id: z.string(),
    status: z.enum(SECTION_STATUSES),
    text: z.string(),
    nothingToReport: z.boolean(),
    etag: z.string().openapi({ description: 'Send it back in If-Match to save again.' }),
    version: z.number().int().openapi({ description: 'The revision this save made (see …/revisions).' }),
    updatedAt: z.string(),
    updatedBy: ActorRefSchema,
  })
  .openapi('SavedSection');

export const ReportSchema = z
  .object({
    cycle: z.string(),
    country: z.string(),
    countryName: z.string(),
    status: z.enum(REPORT_STATUSES),
    version: z.number().int(),
    updatedAt: z.string().optional(),
    sections: z.array(SectionSchema),
    publication: z
      .object({ number: z.number().int(), at: z.string(), correctionInProgress: z.boolean() })
      .optional()
      .openapi({ description: 'Set when this is a publication (what anyone but the country and the secretariat reads): its number, date, and whether a correction is under way.' }),
    publications: z.number().int().openapi({ description: 'How many times the report has been published.' }),
    reviewsInProgress: z
      .array(ReviewInProgressSchema)
      .openapi({ description: 'Draft reviews kept on the report, by whom (the secretariat sees them; empty for anyone else).' }),
  })
  .openapi('Report');

export const ReportSummarySchema = z
  .object({
    cycle: z.string(),
    country: z.string(),
    countryName: z.string(),
    status: z.enum(REPORT_STATUSES),
    version: z.number().int(),
    updatedAt: z.string().optional(),
    sectionStatuses: z.record(z.string(), z.enum(SECTION_STATUSES)),
    reviewsInProgress: z.array(ReviewInProgressSchema).optional().openapi({ description: 'Draft reviews in progress (listed without a status filter).' }),
  })
  .openapi('ReportSummary');

export const ReportListSchema = z.object({ cycle: z.string(), reports: z.array(ReportSummarySchema) }).openapi('ReportList');

/** The store's own item schema (zod 4 `.meta` names it for OpenAPI whatever the module load order). */
export const AuditEventSchema = StoredAuditEventSchema.meta({ id: 'AuditEvent' });

/** One entry of a section's conversation (an internal note is never returned to a rapporteur or the public). */
export const CommentSchema = z
  .object({
    id: z.string(),
    section: z.string(),
    at: z.string(),
    author: ActorRefSchema,
    role: z.enum(ROLES),
    kind: z.enum(COMMENT_KINDS).openapi({ description: '`return` opens the conversation with a review; `reply` is the country; `note` the secretariat.' }),
    internal: z.boolean(),
    text: z.string(),
  })
  .openapi('Comment');

export const HistorySchema = z
  .object({
    cycle: z.string(),
    country: z.string(),
    events: z.array(AuditEventSchema).openapi({ description: 'One per state change, oldest first; a sent review carries its decisions.' }),
    comments: z.array(CommentSchema).openapi({ description: 'Every comment of the conversations, oldest first (internal notes for the secretariat only).' }),
  })
  .openapi('History');

export const RoleSchema = z.enum(ROLES);

// Path and body inputs. Built here from the form's formats, not from its schemas: zod 4 copies methods
// onto instances when they are made, so only schemas made after @hono/zod-openapi loaded have `.openapi`.
const idSchema = (format: keyof typeof ID_FORMATS) => z.string().regex(ID_FORMATS[format].pattern, ID_FORMATS[format].message);
export const CycleParam = z.object({ cycle: idSchema('cycle').openapi({ param: { name: 'cycle', in: 'path' }, example: '2014' }) });
/** A country in an address: accepted in any case (`/reports/me`), used upper-case as ISO writes it. */
const countryParam = () =>
  z
    .string()
    .overwrite((code) => code.toUpperCase())
    .regex(ID_FORMATS.country.pattern, ID_FORMATS.country.message);
export const ReportParams = CycleParam.extend({ country: countryParam().openapi({ param: { name: 'country', in: 'path' }, example: 'ME' }) });
export const SectionParams = ReportParams.extend({ section: idSchema('section').openapi({ param: { name: 'section', in: 'path' }, example: '1.1.A' }) });

export const AttachmentParams = SectionParams.extend({
  id: z.string().regex(ATTACHMENT_ID_PATTERN, 'must be an attachment id').openapi({ param: { name: 'id', in: 'path' } }),
});

export const SaveSectionBody = z
  .object({
    text: z
      .string()
      .max(MAX_ANSWER_LENGTH, `must be at most ${MAX_ANSWER_LENGTH} characters`)
      .openapi({ description: 'The answer in Markdown; empty when nothingToReport.' }),
    nothingToReport: z.boolean().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.nothingToReport && !isBlankToReader(value.text)) ctx.addIssue({ code: 'custom', path: ['text'], message: 'must be empty when the section is marked “nothing to report”' });
  })
  .openapi('SaveSection');

/** A comment someone must read: trimmed, not blank to a reader (only spaces, NULs, zero-width or control characters), bounded. */
export const commentText = (max: number) =>
  z
    .string()
    .trim()
    .refine((text) => !isBlankToReader(text), 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .openapi({ minLength: 1 });

export const ReturnSectionBody = z
  .object({ comment: commentText(MAX_COMMENT_LENGTH).openapi({ description: 'Why the section goes back to the country; required.' }) })
  .strict()
  .openapi('ReturnSection');

/** A decision of a review: approve a section, or return it with a comment for the country. */
export const DecisionSchema = z
  .discriminatedUnion('verdict', [
    z.object({ section: idSchema('section'), verdict: z.literal('approve') }).strict(),
    z.object({ section: idSchema('section'), verdict: z.literal('return'), comment: commentText(MAX_COMMENT_LENGTH).openapi({ description: 'Why the section goes back to the country.' }) }).strict(),
  ])
  .openapi('Decision');

/** Decisions of one review: each section at most once. */
const Decisions = z
  .array(DecisionSchema)
  .max(100)
  .superRefine((decisions, ctx) => {
    const seen = new Set<string>();
    decisions.forEach((d, i) => {
      if (seen.has(d.section)) ctx.addIssue({ code: 'custom', path: [i, 'section'], message: `names section ${d.section} a second time` });
      seen.add(d.section);
    });
  });

export const DraftReviewBody = z.object({ decisions: Decisions }).strict().openapi('DraftReviewInput');

export const DraftReviewSchema = z
  .object({ reviewer: ActorRefSchema, decisions: z.array(DecisionSchema), updatedAt: z.string().optional() })
  .openapi('DraftReview');

export const SendReviewBody = z
  .object({
    decisions: Decisions.min(1).optional().openapi({ description: 'The decisions to apply; without them, your draft review is sent.' }),
    summary: commentText(MAX_COMMENT_LENGTH).optional().openapi({ description: 'A word for the country about the review as a whole.' }),
  })
  .strict()
  .openapi('SendReview');

export const ReviewSchema = AuditEventSchema.openapi({ description: 'A sent review: the audit event of its state change, with its decisions and summary.' });

export const CommentBody = z
  .object({
    text: commentText(MAX_COMMENT_LENGTH),
    internal: z.boolean().optional().openapi({ description: 'For the secretariat only (never shown to the country); rapporteurs cannot send it.' }),
  })
  .strict()
  .openapi('CommentInput');

export const PublicationParams = ReportParams.extend({
  number: z.coerce.number().int('must be a publication number').min(1, 'must be a publication number').openapi({ param: { name: 'number', in: 'path' }, example: 1 }),
});

export const PublicationListSchema = z
  .object({ cycle: z.string(), country: z.string(), publications: z.array(z.object({ number: z.number().int(), at: z.string(), by: ActorRefSchema })) })
  .openapi('PublicationList');

export const ReopenBody = z
  .object({ reason: commentText(MAX_COMMENT_LENGTH).openapi({ description: "Why the approval is voided; the country reads it (a reopened section's conversation opens with it)." }) })
  .strict()
  .openapi('Reopen');

export const RevisionParams = SectionParams.extend({
  version: z.coerce.number().int('must be a revision number').min(1, 'must be a revision number').openapi({ param: { name: 'version', in: 'path' }, example: 3 }),
});

const revisionNumber = (name: 'from' | 'to', description: string) =>
  z.coerce.number().int('must be a revision number').min(1, 'must be a revision number').optional().openapi({ param: { name, in: 'query' }, description });

export const DiffQuery = z.object({
  from: revisionNumber('from', 'Default: the revision the last decision was made on.'),
  to: revisionNumber('to', 'Default: the current answer.'),
});

export const RevisionSummarySchema = z
  .object({ version: z.number().int(), at: z.string(), by: ActorRefSchema, status: z.enum(SECTION_STATUSES).openapi({ description: "The section's status when it was saved." }) })
  .openapi('RevisionSummary');

export const RevisionSchema = RevisionSummarySchema.extend({ section: z.string(), text: z.string(), nothingToReport: z.boolean() }).openapi('Revision');

export const FileActivitySchema = z
  .object({ section: z.string(), action: z.enum(['added', 'removed']), attachment: z.string(), filename: z.string(), at: z.string(), by: ActorRefSchema })
  .openapi('FileActivity');

export const RevisionListSchema = z.object({ revisions: z.array(RevisionSummarySchema), files: z.array(FileActivitySchema) }).openapi('RevisionList');

export const DiffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    changes: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })).openapi({ description: '`equal` + `delete` rebuild the text of `from`; `equal` + `insert` the text of `to`.' }),
  })
  .openapi('Diff');

export const IfMatchHeader = z.object({
  'if-match': z.string().optional().openapi({ param: { name: 'if-match', in: 'header' }, description: "The section's etag as read; required." }),
});

export const CycleSummarySchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    title: z.string(),
    status: z.enum(CYCLE_STATUSES),
    deadline: z.string(),
    participants: z.number().int(),
    previous: z.string().optional().openapi({ description: 'The cycle this one follows up.' }),
  })
  .openapi('CycleSummary');

/**
 * A reporting form: the same zod schema that validates the 2014 form (shared/form), so a form an
 * admin sends is refused exactly where 2014's would be (`body.targets.0.goals.1.id`).
 */
export const FormBodySchema = FormSchema.meta({ id: 'Form' });

export const CycleDetailSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    title: z.string(),
    status: z.enum(CYCLE_STATUSES).openapi({ description: 'planned: the form may change; open: reports change, the form is frozen; closed: nothing changes.' }),
    deadline: z.string(),
    opensAt: z.string().optional(),
    previous: z.string().optional().openapi({ description: 'The cycle whose commitments (question C) this one follows up in question A.' }),
    form: FormBodySchema,
    sectionIds: z.array(z.string()),
    participants: z.array(z.object({ code: z.string(), name: z.string(), deadline: z.string().openapi({ description: "The participant's deadline, its extension included." }) })),
    extensions: z.record(z.string(), z.object({ deadline: z.string(), reason: z.string(), by: ActorRefSchema, at: z.string() })),
    etag: z.string().openapi({ description: 'Send it back in If-Match to change the cycle or its form.' }),
  })
  .openapi('Cycle');

const isoDateTime = () => z.iso.datetime({ offset: true, message: 'must be a date and time such as 2015-09-30T23:59:59Z' });
const countryCodes = () => z.array(idSchema('country')).min(1, 'must list at least one country');

export const CreateCycleBody = z
  .object({
    id: idSchema('cycle').openapi({ example: '2015' }),
    year: z.number().int('must be a whole year').min(2000).max(2199).openapi({ example: 2015 }),
    from: idSchema('cycle').optional().openapi({ description: 'The cycle whose form is copied, years moved on, and whose commitments the new one follows up; default the latest before `year`.' }),
    deadline: isoDateTime().openapi({ example: '2015-09-30T23:59:59Z' }),
    participants: countryCodes().optional().openapi({ description: 'ISO 3166-1 alpha-2 codes (XK for Kosovo); default the participants of `from`.' }),
    title: commentText(300).optional(),
  })
  .strict()
  .openapi('CreateCycle');

export const UpdateCycleBody = z
  .object({
    title: commentText(300).optional(),
    deadline: isoDateTime().optional(),
    opensAt: isoDateTime().optional(),
    participants: countryCodes().optional().openapi({ description: 'The whole list: a new code joins (named from the ISO list), a missing one leaves (refused once its report is started).' }),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one of title, deadline, opensAt, participants')
  .openapi('UpdateCycle');

export const ExtendDeadlineBody = z
  .object({
    deadline: isoDateTime().openapi({ description: "The participant's new deadline; later than the cycle's." }),
    reason: commentText(MAX_COMMENT_LENGTH).openapi({ description: 'Why the extension was granted; required.' }),
  })
  .strict()
  .openapi('ExtendDeadline');

export const IfMatchCycleHeader = z.object({
  'if-match': z.string().optional().openapi({ param: { name: 'if-match', in: 'header' }, description: "The cycle's etag as read; when sent, a cycle changed since is refused (412)." }),
});

const CommitmentAnswerSchema = z.object({
  cycle: z.string(),
  section: z.string(),
  prompt: z.string(),
  reportStatus: z.enum(REPORT_STATUSES),
  status: z.enum(SECTION_STATUSES),
  text: z.string(),
  nothingToReport: z.boolean(),
  updatedAt: z.string().optional(),
});

export const CommitmentsSchema = z
  .object({
    cycle: z.string(),
    country: z.string(),
    countryName: z.string(),
    previousCycle: z.string().optional().openapi({ description: 'The cycle followed up; absent for the first cycle on the platform.' }),
    goals: z.array(
      z.object({
        goal: z.object({ id: z.string(), title: z.string() }),
        announced: CommitmentAnswerSchema.optional().openapi({ description: "Last cycle's question C, when that report exists and the reader may read it (published: the publication)." }),
        reported: CommitmentAnswerSchema.openapi({ description: "This cycle's question A." }),
      }),
    ),
  })
  .openapi('Commitments');

export const PrefillBody = z
  .object({ sections: z.array(idSchema('section')).min(1).optional().openapi({ description: 'Only these sections; default every section without an answer.' }) })
  .strict()
  .openapi('Prefill');

export const QuestionParams = CycleParam.extend({ section: idSchema('section').openapi({ param: { name: 'section', in: 'path' }, example: '1.1.A' }) });

export const AnswersSchema = z
  .object({
    cycle: z.string(),
    section: z.string(),
    prompt: z.string(),
    goal: z.object({ id: z.string(), title: z.string() }),
    publishedOnly: z.boolean().openapi({ description: 'True for readers who are not staff: only published reports are listed.' }),
    answers: z.array(
      z.object({
        country: z.string(),
        countryName: z.string(),
        reportStatus: z.enum(REPORT_STATUSES),
        status: z.enum(SECTION_STATUSES),
        answer: z
          .object({ text: z.string(), nothingToReport: z.boolean(), updatedAt: z.string().optional() })
          .optional()
          .openapi({ description: 'Absent while the report has never been submitted.' }),
      }),
    ),
  })
  .openapi('AnswersAcrossCountries');

export const HealthSchema = z.object({ status: z.literal('ok') }).openapi('Health');
