/**
 * Request schemas of the HTTP contract (zod, with OpenAPI metadata): paths, queries, headers and bodies.
 * The route contracts in functions/<app>/routes.ts take them from `inputs` on a route's first request
 * (shared/http/contract.ts), and the web pages parse their forms with the same schemas. What responses
 * look like is in ./response-schemas.ts, built only for the OpenAPI document.
 *
 * Each schema is built on its first read and kept (`once`): a route's first request builds the schemas
 * its contract names (`({ ReportParams }) => …` reads ReportParams, and the CycleParam it extends), not
 * every route's. Built all at once when this module loaded, they cost a function's first request
 * 13–20 ms of CPU; ReportParams alone, 1.3 ms.
 */
import { lazily, once } from '../lazily';
import { z } from './openapi-zod';
import { FormSchema, ID_FORMATS } from '../form/schema';
import { ATTACHMENT_ID_PATTERN } from '../store/attachment-items';
import { MAX_ANSWER_LENGTH, MAX_COMMENT_LENGTH, isBlankToReader } from '../workflow';
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

const ATTACHMENT_KINDS = 'PDF, Word, Excel, OpenDocument text and spreadsheet, PNG, JPEG, plain text, CSV';

/**
 * What a rapporteur declares before uploading. The filename is cleaned for display (last path
 * segment, no control or bidi characters) and its extension must agree with the type; the type is
 * normalized (case, parameters) to the value the upload must send.
 */
const AttachmentUploadRequestSchema = once(() =>
  z
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
    .openapi('AttachmentUploadRequest'),
);

// Path and body inputs. Built here from the form's formats, not from its schemas: zod 4 copies methods
// onto instances when they are made, so only schemas made after @hono/zod-openapi loaded have `.openapi`.
export const idSchema = (format: keyof typeof ID_FORMATS) => z.string().regex(ID_FORMATS[format].pattern, ID_FORMATS[format].message);
const CycleParam = once(() => z.object({ cycle: idSchema('cycle').openapi({ param: { name: 'cycle', in: 'path' }, example: '2014' }) }));
/** A country in an address: accepted in any case (`/reports/me`), used upper-case as ISO writes it. */
const countryParam = () =>
  z
    .string()
    .overwrite((code) => code.toUpperCase())
    .regex(ID_FORMATS.country.pattern, ID_FORMATS.country.message);
const ReportParams = once(() => CycleParam().extend({ country: countryParam().openapi({ param: { name: 'country', in: 'path' }, example: 'ME' }) }));
const SectionParams = once(() => ReportParams().extend({ section: idSchema('section').openapi({ param: { name: 'section', in: 'path' }, example: '1.1.A' }) }));

const AttachmentParams = once(() => SectionParams().extend({
  id: z.string().regex(ATTACHMENT_ID_PATTERN, 'must be an attachment id').openapi({ param: { name: 'id', in: 'path' } }),
}));

const SaveSectionBody = once(() =>
  z
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
    .openapi('SaveSection'),
);

/** A comment someone must read: trimmed, not blank to a reader (only spaces, NULs, zero-width or control characters), bounded. */
export const commentText = (max: number) =>
  z
    .string()
    .trim()
    .refine((text) => !isBlankToReader(text), 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .openapi({ minLength: 1 });

const ReturnSectionBody = once(() =>
  z
    .object({ comment: commentText(MAX_COMMENT_LENGTH).openapi({ description: 'Why the section goes back to the country; required.' }) })
    .strict()
    .openapi('ReturnSection'),
);

/** A decision of a review: approve a section, or return it with a comment for the country. */
const DecisionSchema = once(() =>
  z
    .discriminatedUnion('verdict', [
      z.object({ section: idSchema('section'), verdict: z.literal('approve') }).strict(),
      z.object({ section: idSchema('section'), verdict: z.literal('return'), comment: commentText(MAX_COMMENT_LENGTH).openapi({ description: 'Why the section goes back to the country.' }) }).strict(),
    ])
    .openapi('Decision'),
);

/** Decisions of one review: each section at most once. */
const Decisions = once(() =>
  z
    .array(DecisionSchema())
    .max(100)
    .superRefine((decisions, ctx) => {
      const seen = new Set<string>();
      decisions.forEach((d, i) => {
        if (seen.has(d.section)) ctx.addIssue({ code: 'custom', path: [i, 'section'], message: `names section ${d.section} a second time` });
        seen.add(d.section);
      });
    }),
);

const DraftReviewBody = once(() => z.object({ decisions: Decisions() }).strict().openapi('DraftReviewInput'));

const SendReviewBody = once(() =>
  z
    .object({
      decisions: Decisions().min(1).optional().openapi({ description: 'The decisions to apply; without them, your draft review is sent.' }),
      summary: commentText(MAX_COMMENT_LENGTH).optional().openapi({ description: 'A word for the country about the review as a whole.' }),
    })
    .strict()
    .openapi('SendReview'),
);

const CommentBody = once(() =>
  z
    .object({
      text: commentText(MAX_COMMENT_LENGTH),
      internal: z.boolean().optional().openapi({ description: 'For the secretariat only (never shown to the country); rapporteurs cannot send it.' }),
    })
    .strict()
    .openapi('CommentInput'),
);

const PublicationParams = once(() => ReportParams().extend({
  number: z.coerce.number().int('must be a publication number').min(1, 'must be a publication number').openapi({ param: { name: 'number', in: 'path' }, example: 1 }),
}));

const ReopenBody = once(() =>
  z
    .object({ reason: commentText(MAX_COMMENT_LENGTH).openapi({ description: "Why the approval is voided; the country reads it (a reopened section's conversation opens with it)." }) })
    .strict()
    .openapi('Reopen'),
);

const RevisionParams = once(() => SectionParams().extend({
  version: z.coerce.number().int('must be a revision number').min(1, 'must be a revision number').openapi({ param: { name: 'version', in: 'path' }, example: 3 }),
}));

const revisionNumber = (name: 'from' | 'to', description: string) =>
  z.coerce.number().int('must be a revision number').min(1, 'must be a revision number').optional().openapi({ param: { name, in: 'query' }, description });

const DiffQuery = once(() => z.object({
  from: revisionNumber('from', 'Default: the revision the last decision was made on.'),
  to: revisionNumber('to', 'Default: the current answer.'),
}));

const IfMatchHeader = once(() => z.object({
  'if-match': z.string().optional().openapi({ param: { name: 'if-match', in: 'header' }, description: "The section's etag as read; required." }),
}));

/**
 * A reporting form: the same zod schema that validates the 2014 form (shared/form), so a form an
 * admin sends is refused exactly where 2014's would be (`body.targets.0.goals.1.id`).
 */
const FormBodySchema = once(() => FormSchema.meta({ id: 'Form' }));

const isoDateTime = () => z.iso.datetime({ offset: true, message: 'must be a date and time such as 2015-09-30T23:59:59Z' });
const countryCodes = () => z.array(idSchema('country')).min(1, 'must list at least one country');

const CreateCycleBody = once(() =>
  z
    .object({
      id: idSchema('cycle').openapi({ example: '2015' }),
      year: z.number().int('must be a whole year').min(2000).max(2199).openapi({ example: 2015 }),
      from: idSchema('cycle').optional().openapi({ description: 'The cycle whose form is copied, years moved on, and whose commitments the new one follows up; default the latest before `year`.' }),
      deadline: isoDateTime().openapi({ example: '2015-09-30T23:59:59Z' }),
      participants: countryCodes().optional().openapi({ description: 'ISO 3166-1 alpha-2 codes (XK for Kosovo); default the participants of `from`.' }),
      title: commentText(300).optional(),
    })
    .strict()
    .openapi('CreateCycle'),
);

const UpdateCycleBody = once(() =>
  z
    .object({
      title: commentText(300).optional(),
      deadline: isoDateTime().optional(),
      opensAt: isoDateTime().optional(),
      participants: countryCodes().optional().openapi({ description: 'The whole list: a new code joins (named from the ISO list), a missing one leaves (refused once its report is started).' }),
    })
    .strict()
    .refine((body) => Object.keys(body).length > 0, 'must change at least one of title, deadline, opensAt, participants')
    .openapi('UpdateCycle'),
);

const ExtendDeadlineBody = once(() =>
  z
    .object({
      deadline: isoDateTime().openapi({ description: "The participant's new deadline; later than the cycle's." }),
      reason: commentText(MAX_COMMENT_LENGTH).openapi({ description: 'Why the extension was granted; required.' }),
    })
    .strict()
    .openapi('ExtendDeadline'),
);

const IfMatchCycleHeader = once(() => z.object({
  'if-match': z.string().optional().openapi({ param: { name: 'if-match', in: 'header' }, description: "The cycle's etag as read; when sent, a cycle changed since is refused (412)." }),
}));

const PrefillBody = once(() =>
  z
    .object({ sections: z.array(idSchema('section')).min(1).optional().openapi({ description: 'Only these sections; default every section without an answer.' }) })
    .strict()
    .openapi('Prefill'),
);

const QuestionParams = once(() => CycleParam().extend({ section: idSchema('section').openapi({ param: { name: 'section', in: 'path' }, example: '1.1.A' }) }));

/** A query flag: `true` or `false`, default false. */
const QueryFlag = once(() =>
  z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
);

/** The format of a document: printable HTML (default) or Markdown. */
const FormatQuery = once(() => z.object({
  format: z.enum(['md', 'html']).default('html').openapi({ param: { name: 'format', in: 'query' }, description: 'Markdown or a printable HTML page' }),
}));

/** The request schemas by name, and `z` with `.openapi()` for the schemas a route contract writes inline. */
export const inputs = lazily({
  z: () => z,
  AttachmentUploadRequestSchema,
  CycleParam,
  ReportParams,
  SectionParams,
  AttachmentParams,
  SaveSectionBody,
  ReturnSectionBody,
  DecisionSchema,
  DraftReviewBody,
  SendReviewBody,
  CommentBody,
  PublicationParams,
  ReopenBody,
  RevisionParams,
  DiffQuery,
  IfMatchHeader,
  FormBodySchema,
  CreateCycleBody,
  UpdateCycleBody,
  ExtendDeadlineBody,
  IfMatchCycleHeader,
  PrefillBody,
  QuestionParams,
  QueryFlag,
  FormatQuery,
});
