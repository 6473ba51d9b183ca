/**
 * Schemas of the report items as stored: every item read back from DynamoDB is parsed with one of
 * these (a corrupt item fails loudly instead of reaching a page). The HTTP schemas reuse them.
 */
import { z } from 'zod';
import { COMMENT_KINDS, REPORT_STATUSES, ROLES, SECTION_STATUSES, VERDICTS } from '../workflow';
import { ACTIONS } from '../workflow/transitions';
import { META_SK } from './keys';

/** Who did something, as kept on items and events (never the token). */
export const ActorRefSchema = z.object({ sub: z.string(), name: z.string() });

export const MetaItemSchema = z.object({
  sk: z.literal(META_SK),
  cycle: z.string(),
  country: z.string(),
  status: z.enum(REPORT_STATUSES),
  version: z.number().int().nonnegative(),
  updatedAt: z.string(),
  updatedBy: ActorRefSchema,
  sectionStatuses: z.record(z.string(), z.enum(SECTION_STATUSES)).default({}),
  publications: z.number().int().nonnegative().optional(),
  /** When the latest publication was made. */
  publishedAt: z.string().optional(),
  /** Sections whose answer changed since their last review when the report was last submitted. */
  changedSections: z.array(z.string()).optional(),
  /** When the report was first submitted (filed), and whether that was after the participant's deadline. */
  submittedAt: z.string().optional(),
  late: z.boolean().optional(),
});
export type MetaItem = z.infer<typeof MetaItemSchema>;

export const PublishedAttachmentSchema = z.object({
  section: z.string(),
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: ActorRefSchema,
  key: z.string(),
});

/** A publication's header (sk `PUB#<n>#~`): who published it when, and the files it lists. */
export const PublicationItemSchema = z.object({
  number: z.number().int().positive(),
  at: z.string(),
  by: ActorRefSchema,
  attachments: z.array(PublishedAttachmentSchema),
});
export type PublicationHeader = z.infer<typeof PublicationItemSchema>;

/** One answer as published (sk `PUB#<n>#S#<section>`). */
export const PublishedSectionItemSchema = z.object({ id: z.string(), text: z.string(), nothingToReport: z.boolean() });

export const SectionItemSchema = z.object({
  id: z.string(),
  status: z.enum(SECTION_STATUSES),
  text: z.string(),
  nothingToReport: z.boolean(),
  version: z.number().int().positive(),
  contentVersion: z.number().int().nonnegative().optional(),
  updatedAt: z.string().optional(),
  updatedBy: ActorRefSchema.optional(),
  returnComment: z.string().optional(),
  review: z.object({ verdict: z.enum(VERDICTS), at: z.string(), by: ActorRefSchema, contentHash: z.string(), version: z.number().int().optional() }).optional(),
  repliedAt: z.string().optional(),
});

/** One answer as a save (or an import) wrote it (sk `REV#<section>#V#<version>`). */
export const RevisionItemSchema = z.object({
  section: z.string(),
  version: z.number().int().positive(),
  text: z.string(),
  nothingToReport: z.boolean(),
  /** The section's status when it was written (draft, or returned: a revision after a return). */
  status: z.enum(SECTION_STATUSES),
  at: z.string(),
  by: ActorRefSchema,
});
export type Revision = z.infer<typeof RevisionItemSchema>;

/** An attachment added to or removed from a section (sk `REV#<section>#F#<at>#<id>`). */
export const FileActivityItemSchema = z.object({
  section: z.string(),
  action: z.enum(['added', 'removed']),
  attachment: z.string(),
  filename: z.string(),
  at: z.string(),
  by: ActorRefSchema,
});
export type FileActivity = z.infer<typeof FileActivityItemSchema>;

/** One decision of a review, as kept in a draft and in the review's audit event. */
export const DecisionItemSchema = z.object({ section: z.string(), verdict: z.enum(VERDICTS), comment: z.string().optional() });

/** A reviewer's draft review (sk `R#DRAFT#<sub>`). */
export const DraftItemSchema = z.object({
  type: z.literal('draft-review'),
  country: z.string(),
  reviewer: ActorRefSchema,
  decisions: z.array(DecisionItemSchema),
  updatedAt: z.string(),
});

/** One comment of a section's conversation (sk `COMMENT#<section>#<at>#<id>`). */
export const CommentItemSchema = z.object({
  id: z.string(),
  section: z.string(),
  at: z.string(),
  author: ActorRefSchema,
  role: z.enum(ROLES),
  kind: z.enum(COMMENT_KINDS),
  internal: z.boolean(),
  text: z.string(),
});

export const AuditEventSchema = z.object({
  version: z.number().int().positive(),
  at: z.string(),
  action: z.enum(ACTIONS),
  actor: ActorRefSchema,
  reportStatus: z.object({ from: z.enum(REPORT_STATUSES), to: z.enum(REPORT_STATUSES) }),
  sections: z.array(z.object({ id: z.string(), from: z.enum(SECTION_STATUSES), to: z.enum(SECTION_STATUSES) })),
  section: z.string().optional(),
  comment: z.string().optional(),
  detail: z.string().optional(),
  /** A sent review: its decisions and the reviewer's summary. */
  review: z.object({ decisions: z.array(DecisionItemSchema), summary: z.string().optional() }).optional(),
  /** A first submission made after the participant's deadline (extension included). */
  late: z.boolean().optional(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
