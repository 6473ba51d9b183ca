/**
 * Secondary adapter for section attachments: bytes in S3 (presigned PUT into `uploads/`, copied to
 * `attachments/` on completion), metadata items in the report's DynamoDB partition. Each metadata
 * write is one TransactWriteItems that also checks the section is still editable.
 */
import { randomBytes } from 'node:crypto';
import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Config } from '../config';
import {
  checkUploadedObject,
  contentDisposition,
  decideAttachmentChange,
  decideAttachmentUpload,
  DOWNLOAD_URL_TTL_SECONDS,
  PENDING_ATTACHMENT_TTL_SECONDS,
  sectionLockedError,
  UPLOAD_URL_TTL_SECONDS,
} from '../workflow/attachments';
import { ConflictError, NotFoundError } from '../workflow/errors';
import { EDITABLE_SECTION_STATUSES } from '../workflow/transitions';
import type { Actor, ActorRef } from '../workflow/model';
import { attachmentPrefix, attachmentSk, reportPk, sectionSk } from './keys';

// ---------------------------------------------------------------------------------------------
// S3 clients

/** The S3 client for calls made by the server, and the one that signs URLs handed to browsers. */
export interface S3Clients {
  s3: S3Client;
  presignS3: S3Client;
}

/**
 * Builds the S3 clients from configuration. Endpoint and region come from the SDK's own environment
 * (`AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, `AWS_REGION`). Checksums are computed only when an
 * operation requires them: with the default (`WHEN_SUPPORTED`, SDK ≥ 3.729) a presigned PUT carries the
 * CRC32 of an empty body and every real upload to it fails. When `S3_PUBLIC_ENDPOINT` is set, URLs
 * are signed for that endpoint (the one browsers can reach) by a second client.
 */
export function createS3Clients(config: Pick<Config, 'S3_FORCE_PATH_STYLE' | 'S3_PUBLIC_ENDPOINT'>): S3Clients {
  const options = {
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  } as const;
  const s3 = new S3Client(options);
  const presignS3 = config.S3_PUBLIC_ENDPOINT ? new S3Client({ ...options, endpoint: config.S3_PUBLIC_ENDPOINT }) : s3;
  return { s3, presignS3 };
}

let clients: S3Clients | undefined;

/** The S3 clients of this process, built once from the first configuration given. */
export function s3Clients(config: Pick<Config, 'S3_FORCE_PATH_STYLE' | 'S3_PUBLIC_ENDPOINT'>): S3Clients {
  clients ??= createS3Clients(config);
  return clients;
}

// ---------------------------------------------------------------------------------------------
// Items and mappers

const ActorRefSchema = z.object({ sub: z.string(), name: z.string() });

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

// ---------------------------------------------------------------------------------------------
// Keys

/** Where the browser uploads: expires by the bucket's lifecycle rule unless completed. */
export const uploadKey = (cycle: string, country: string, section: string, id: string) => `uploads/${cycle}/${country}/${section}/${id}`;
/** Where a completed attachment lives. */
export const attachmentKey = (cycle: string, country: string, section: string, id: string) => `attachments/${cycle}/${country}/${section}/${id}`;

/** A new attachment id: 128 random bits, base64url (22 characters). */
export function newAttachmentId(): string {
  return randomBytes(16).toString('base64url');
}

const ATTACHMENT_ID = /^[A-Za-z0-9_-]{22}$/;
// Path segments become parts of S3 keys and sort keys: refuse anything that could change their shape.
const KEY_SEGMENT = /^[A-Za-z0-9._-]{1,64}$/;

function assertAddress(cycle: string, country: string, section: string, id?: string): void {
  if (![cycle, country, section].every((s) => KEY_SEGMENT.test(s)) || (id !== undefined && !ATTACHMENT_ID.test(id))) {
    throw new NotFoundError('No such attachment.');
  }
}

// ---------------------------------------------------------------------------------------------
// Store

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type AttachmentWrite = Pick<TransactItem, 'Put'> | Pick<TransactItem, 'Update'> | Pick<TransactItem, 'Delete'>;

export interface AttachmentStoreDeps {
  doc: DynamoDBDocumentClient;
  s3: S3Client;
  /** Client that signs URLs for browsers (defaults to `s3`). */
  presignS3?: S3Client;
  tableName: string;
  bucket: string;
  clock?: () => Date;
}

export interface AttachmentStore {
  /** Records a pending attachment and returns a presigned PUT (10 minutes). 400, 403, 409 (section locked). */
  requestUpload(actor: Actor, cycle: string, country: string, section: string, input: unknown): Promise<UploadTicket>;
  /** Checks the upload against its declaration, moves it to `attachments/`, marks it uploaded. 403, 404, 409. */
  complete(actor: Actor, cycle: string, country: string, section: string, id: string): Promise<Attachment>;
  /** Uploaded attachments of a section, oldest first. Read authorization is the caller's (`canRead`). */
  list(cycle: string, country: string, section: string): Promise<Attachment[]>;
  /** One uploaded attachment with a presigned GET (5 minutes). 404. Read authorization is the caller's. */
  get(cycle: string, country: string, section: string, id: string): Promise<AttachmentDownload>;
  /** Deletes an attachment (pending or uploaded) and its bytes. 403, 404, 409 (section locked). */
  remove(actor: Actor, cycle: string, country: string, section: string, id: string): Promise<void>;
}

/** Builds the attachment store over a DynamoDB table and an S3 bucket. */
export function createAttachmentStore({ doc, s3, presignS3 = s3, tableName, bucket, clock = () => new Date() }: AttachmentStoreDeps): AttachmentStore {
  /** The ConditionCheck that the section is editable (a section never written is a draft). */
  const sectionEditable = (cycle: string, country: string, section: string) => ({
    ConditionCheck: {
      TableName: tableName,
      Key: { pk: reportPk(cycle, country), sk: sectionSk(section) },
      ConditionExpression: `attribute_not_exists(pk) OR #status IN (${EDITABLE_SECTION_STATUSES.map((_, i) => `:editable${i}`).join(', ')})`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: Object.fromEntries(EDITABLE_SECTION_STATUSES.map((s, i) => [`:editable${i}`, s])),
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    },
  });

  /** Runs a two-item transaction [section check, attachment write] and maps a cancellation to a domain error. */
  async function transact(cycle: string, country: string, section: string, attachmentWrite: AttachmentWrite, onAttachmentFailed: () => Error): Promise<void> {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: [sectionEditable(cycle, country, section), attachmentWrite] }));
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      if (reasons[0]?.Code === 'ConditionalCheckFailed') throw sectionLockedError(section, reasons[0].Item?.status?.S ?? 'locked');
      if (reasons[1]?.Code === 'ConditionalCheckFailed') throw onAttachmentFailed();
      // A concurrent transaction on the same items (e.g. the report being submitted right now).
      if (reasons.some((r) => r.Code === 'TransactionConflict')) throw new ConflictError('The section changed at the same time; try again.');
      throw error;
    }
  }

  async function readItem(cycle: string, country: string, section: string, id: string): Promise<AttachmentItem | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: { pk: reportPk(cycle, country), sk: attachmentSk(section, id) }, ConsistentRead: true }),
    );
    return Item ? AttachmentItemSchema.parse(Item) : undefined;
  }

  async function sectionStatus(cycle: string, country: string, section: string): Promise<string> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: { pk: reportPk(cycle, country), sk: sectionSk(section) }, ConsistentRead: true, ProjectionExpression: '#s', ExpressionAttributeNames: { '#s': 'status' } }),
    );
    return typeof Item?.status === 'string' ? Item.status : 'draft';
  }

  async function deleteObjects(keys: string[]): Promise<void> {
    const { Errors } = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }));
    // Per-key failures do not throw by themselves; unreferenced bytes must not linger silently.
    if (Errors?.length) throw new Error(`Could not delete ${Errors.map((e) => `${e.Key} (${e.Code})`).join(', ')}`);
  }

  return {
    async requestUpload(actor, cycle, country, section, input) {
      assertAddress(cycle, country, section);
      const request = decideAttachmentUpload(actor, country, input);
      const now = clock();
      const id = newAttachmentId();
      const key = uploadKey(cycle, country, section, id);

      // Presign first (no I/O): a failure leaves nothing behind.
      const uploadUrl = await getSignedUrl(presignS3, new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: request.contentType, ContentLength: request.size }), {
        expiresIn: UPLOAD_URL_TTL_SECONDS,
        signingDate: now,
        // The presigner never signs content-type by default; signing both makes S3 refuse any other type or length.
        signableHeaders: new Set(['content-type', 'content-length']),
      });

      const item: AttachmentItem & { pk: string; sk: string } = {
        pk: reportPk(cycle, country),
        sk: attachmentSk(section, id),
        type: 'attachment',
        id,
        section,
        filename: request.filename,
        contentType: request.contentType,
        size: request.size,
        state: 'pending',
        createdAt: now.toISOString(),
        createdBy: { sub: actor.sub, name: actor.name },
        key,
        expiresAt: Math.floor(now.getTime() / 1000) + PENDING_ATTACHMENT_TTL_SECONDS,
      };
      await transact(
        cycle,
        country,
        section,
        { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
        () => new ConflictError('An attachment with this id exists already; try again.'),
      );

      return {
        id,
        uploadUrl,
        method: 'PUT',
        headers: { 'content-type': request.contentType, 'content-length': String(request.size) },
        expiresAt: new Date(now.getTime() + UPLOAD_URL_TTL_SECONDS * 1000).toISOString(),
      };
    },

    async complete(actor, cycle, country, section, id) {
      assertAddress(cycle, country, section, id);
      decideAttachmentChange(actor, country);
      const [item, status] = await Promise.all([readItem(cycle, country, section, id), sectionStatus(cycle, country, section)]);
      if (!item) throw new NotFoundError(`Section ${section} has no attachment ${id}.`);
      if (item.state === 'uploaded') return toAttachment(item)!; // completing twice is harmless
      // Checked again in the transaction; checking now spares the copy when the section is locked.
      if (!(EDITABLE_SECTION_STATUSES as readonly string[]).includes(status)) throw sectionLockedError(section, status);

      const from = uploadKey(cycle, country, section, id);
      const to = attachmentKey(cycle, country, section, id);
      const head = await headObject(from);
      if (!head) throw new ConflictError(`Nothing has been uploaded for attachment ${id} (or the upload URL expired); upload the file, then complete.`);
      checkUploadedObject(item, { contentLength: head.ContentLength, contentType: head.ContentType });

      // If-Match: copy exactly the object just checked, not one replaced in between.
      await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: to, CopySource: `${bucket}/${from}`, CopySourceIfMatch: head.ETag, MetadataDirective: 'COPY' }));

      const now = clock().toISOString();
      const uploadedBy = { sub: actor.sub, name: actor.name };
      try {
        await transact(
          cycle,
          country,
          section,
          {
            Update: {
              TableName: tableName,
              Key: { pk: reportPk(cycle, country), sk: attachmentSk(section, id) },
              UpdateExpression: 'SET #state = :uploaded, uploadedAt = :now, uploadedBy = :by, #key = :key REMOVE expiresAt',
              ConditionExpression: 'attribute_exists(pk) AND #state = :pending',
              ExpressionAttributeNames: { '#state': 'state', '#key': 'key' },
              ExpressionAttributeValues: { ':uploaded': 'uploaded', ':pending': 'pending', ':now': now, ':by': uploadedBy, ':key': to },
            },
          },
          () => new NotFoundError(`Section ${section} has no pending attachment ${id}.`),
        );
      } catch (error) {
        // Completed concurrently by another request: same bytes at the same key, nothing to undo.
        const current = error instanceof NotFoundError ? await readItem(cycle, country, section, id) : undefined;
        if (current?.state === 'uploaded') return toAttachment(current)!;
        await deleteObjects([to]);
        throw error;
      }
      // Best effort: the lifecycle rule on uploads/ removes it anyway.
      await deleteObjects([from]).catch(() => undefined);
      return { id, filename: item.filename, contentType: item.contentType, size: item.size, uploadedAt: now, uploadedBy };
    },

    async list(cycle, country, section) {
      assertAddress(cycle, country, section);
      const items: Record<string, unknown>[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': reportPk(cycle, country), ':prefix': attachmentPrefix(section) },
            ExclusiveStartKey,
          }),
        );
        items.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return attachmentsBySection(items).get(section) ?? [];
    },

    async get(cycle, country, section, id) {
      assertAddress(cycle, country, section, id);
      const item = await readItem(cycle, country, section, id);
      const attachment = item && toAttachment(item);
      if (!item || !attachment) throw new NotFoundError(`Section ${section} has no attachment ${id}.`);
      const now = clock();
      const downloadUrl = await getSignedUrl(
        presignS3,
        new GetObjectCommand({ Bucket: bucket, Key: item.key, ResponseContentDisposition: contentDisposition(item.filename), ResponseContentType: item.contentType }),
        { expiresIn: DOWNLOAD_URL_TTL_SECONDS, signingDate: now },
      );
      return { ...attachment, downloadUrl, expiresAt: new Date(now.getTime() + DOWNLOAD_URL_TTL_SECONDS * 1000).toISOString() };
    },

    async remove(actor, cycle, country, section, id) {
      assertAddress(cycle, country, section, id);
      decideAttachmentChange(actor, country);
      await transact(
        cycle,
        country,
        section,
        { Delete: { TableName: tableName, Key: { pk: reportPk(cycle, country), sk: attachmentSk(section, id) }, ConditionExpression: 'attribute_exists(pk)' } },
        () => new NotFoundError(`Section ${section} has no attachment ${id}.`),
      );
      // Metadata first: if deleting the bytes fails, they are unreachable rather than listed and missing.
      await deleteObjects([uploadKey(cycle, country, section, id), attachmentKey(cycle, country, section, id)]);
    },
  };

  async function headObject(key: string) {
    try {
      return await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    } catch (error) {
      if (isS3NotFound(error)) return undefined;
      throw error;
    }
  }
}

interface CancellationReason {
  Code?: string;
  Item?: Record<string, { S?: string } | undefined>;
}

/** The per-item reasons of a cancelled transaction, or undefined for any other error. */
function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  return (error as Error & { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
}

function isS3NotFound(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as Error & { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error.name === 'NotFound' || error.name === 'NoSuchKey' || status === 404;
}
