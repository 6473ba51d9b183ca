/**
 * Schemas of the report items as stored: every item read back from DynamoDB is parsed with one of
 * these (a corrupt item fails loudly instead of reaching a page). The HTTP schemas reuse them.
 */
import { z } from 'zod';
import { REPORT_STATUSES, SECTION_STATUSES } from '../workflow';
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
});

export const SectionItemSchema = z.object({
  id: z.string(),
  status: z.enum(SECTION_STATUSES),
  text: z.string(),
  nothingToReport: z.boolean(),
  version: z.number().int().positive(),
  updatedAt: z.string().optional(),
  updatedBy: ActorRefSchema.optional(),
  returnComment: z.string().optional(),
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
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
