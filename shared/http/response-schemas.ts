/**
 * Response schemas of the HTTP contract (zod, with OpenAPI metadata): what each route answers, for the
 * OpenAPI document and the handlers' types. Responses are not validated at run time, so the functions
 * load this module only to serve /openapi.json (shared/http/contract.ts, functions/openapi.ts).
 */
import { z } from './openapi-zod';

/** zod with `.openapi()`, for the schemas a route contract writes inline. */
export { z };
import { CYCLE_STATUSES } from '../form/schema';
import { ActorRefSchema as StoredActorRefSchema, AuditEventSchema as StoredAuditEventSchema } from '../store/items';
import { COMMENT_KINDS, REPORT_STATUSES, ROLES, SECTION_STATUSES, VERDICTS } from '../workflow';
import { inputs } from './schemas';

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

/** What a report and its summary in a list both say first. */
const reportHead = () => ({
  cycle: z.string(),
  country: z.string(),
  countryName: z.string(),
  status: z.enum(REPORT_STATUSES),
  version: z.number().int(),
  updatedAt: z.string().optional(),
});

export const ReportSchema = z
  .object({
    ...reportHead(),
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
    ...reportHead(),
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

export const DraftReviewSchema = z
  .object({ reviewer: ActorRefSchema, decisions: z.array(inputs.DecisionSchema), updatedAt: z.string().optional() })
  .openapi('DraftReview');

export const ReviewSchema = AuditEventSchema.openapi({ description: 'A sent review: the audit event of its state change, with its decisions and summary.' });

export const PublicationListSchema = z
  .object({ cycle: z.string(), country: z.string(), publications: z.array(z.object({ number: z.number().int(), at: z.string(), by: ActorRefSchema })) })
  .openapi('PublicationList');

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

export const CycleDetailSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    title: z.string(),
    status: z.enum(CYCLE_STATUSES).openapi({ description: 'planned: the form may change; open: reports change, the form is frozen; closed: nothing changes.' }),
    deadline: z.string(),
    opensAt: z.string().optional(),
    previous: z.string().optional().openapi({ description: 'The cycle whose commitments (question C) this one follows up in question A.' }),
    form: inputs.FormBodySchema,
    sectionIds: z.array(z.string()),
    participants: z.array(z.object({ code: z.string(), name: z.string(), deadline: z.string().openapi({ description: "The participant's deadline, its extension included." }) })),
    extensions: z.record(z.string(), z.object({ deadline: z.string(), reason: z.string(), by: ActorRefSchema, at: z.string() })),
    etag: z.string().openapi({ description: 'Send it back in If-Match to change the cycle or its form.' }),
  })
  .openapi('Cycle');

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

/** What an import did (or, with dryRun, would do). */
export const ImportResultSchema = z
  .object({
    cycle: z.string(),
    country: z.string(),
    dryRun: z.boolean(),
    status: z.string(),
    sections: z.array(z.object({ id: z.string(), text: z.string(), nothingToReport: z.boolean() })),
    attachmentsNotImported: z.array(z.object({ section: z.string(), filename: z.string() })),
    events: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('ImportResult');
