/**
 * Attachment metadata as stored in the report's partition, and its API view: the item schema, the
 * mapping to what readers see (pending uploads are never shown) and the grouping by section that a
 * report read needs. No I/O.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ActorRef } from '../workflow/model';
import { ActorRefSchema } from './items';

/** An attachment metadata item as stored (`pk`/`sk` and unknown attributes are dropped). */
export const AttachmentItemSchema = z.object({
  type: z.literal('attachment'),
  id: z.string().min(1),
  section: z.string().min(1),
  filename: z.string().min(1),
  contentType: z.string().min(1),
  size: z.number().int().positive(),
  state: z.enum(['pending', 'uploaded']),
  createdAt: z.string(),
  createdBy: ActorRefSchema,
  uploadedAt: z.string().optional(),
  uploadedBy: ActorRefSchema.optional(),
  key: z.string().min(1),
  /** DynamoDB TTL (epoch seconds) of a pending attachment; removed on completion. */
  expiresAt: z.number().int().optional(),
});
export type AttachmentItem = z.infer<typeof AttachmentItemSchema>;

/** An uploaded attachment as the API shows it. */
export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  uploadedBy: ActorRef;
}

/** One attachment with a short-lived download URL. */
export interface AttachmentDownload extends Attachment {
  downloadUrl: string;
  /** When `downloadUrl` stops working (ISO 8601). */
  expiresAt: string;
}

/** The answer to an upload request: where and how the client must PUT the bytes. */
export interface UploadTicket {
  id: string;
  uploadUrl: string;
  method: 'PUT';
  /** Headers the PUT must send exactly (they are signed into the URL). */
  headers: Record<string, string>;
  /** When `uploadUrl` stops working (ISO 8601). */
  expiresAt: string;
}

/** True for an item of the report partition that is attachment metadata. */
export function isAttachmentItem(item: Record<string, unknown>): boolean {
  return item.type === 'attachment';
}

/**
 * Validates an attachment item read from DynamoDB (throws a ZodError on a corrupt item) and returns
 * its API view, or undefined while the attachment is still pending (never completed: not shown).
 */
export function toAttachment(item: Record<string, unknown>): Attachment | undefined {
  const parsed = AttachmentItemSchema.parse(item);
  if (parsed.state !== 'uploaded' || parsed.uploadedAt === undefined) return undefined;
  return {
    id: parsed.id,
    filename: parsed.filename,
    contentType: parsed.contentType,
    size: parsed.size,
    uploadedAt: parsed.uploadedAt,
    uploadedBy: parsed.uploadedBy ?? parsed.createdBy,
  };
}

/**
 * Picks the uploaded attachments out of a report's items (the `begins_with(sk, 'R#')` Query returns
 * them with the meta and sections) and groups them by section, oldest upload first.
 */
export function attachmentsBySection(items: readonly Record<string, unknown>[]): Map<string, Attachment[]> {
  const bySection = new Map<string, Attachment[]>();
  for (const item of items) {
    if (!isAttachmentItem(item)) continue;
    const attachment = toAttachment(item);
    if (!attachment) continue;
    const section = item.section as string; // validated by toAttachment
    const list = bySection.get(section) ?? [];
    list.push(attachment);
    bySection.set(section, list);
  }
  for (const list of bySection.values()) list.sort(byUpload);
  return bySection;
}

function byUpload(a: Attachment, b: Attachment): number {
  return a.uploadedAt.localeCompare(b.uploadedAt) || a.id.localeCompare(b.id);
}

/** A new attachment id: 128 random bits, base64url (22 characters). */
export function newAttachmentId(): string {
  return randomBytes(16).toString('base64url');
}

/** The shape of an attachment id (the HTTP path schema and the store both hold ids to it). */
export const ATTACHMENT_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
