/**
 * Secondary adapter for section attachments: bytes in S3 (presigned PUT into `uploads/`, copied to
 * `attachments/` on completion), metadata items in the report's DynamoDB partition. Each metadata
 * write is one TransactWriteItems that also checks the section is still editable. Who may call
 * these is decided by the use cases (shared/usecases/attachments.ts), not here.
 */
import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  checkUploadedContent,
  checkUploadedObject,
  contentDisposition,
  DOWNLOAD_URL_TTL_SECONDS,
  PENDING_ATTACHMENT_TTL_SECONDS,
  isAttachmentContentType,
  sectionLockedError,
  SNIFF_BYTES,
  UPLOAD_URL_TTL_SECONDS,
  type AttachmentRequest,
} from '../workflow/attachments';
import { ConflictError, NotFoundError } from '../workflow/errors';
import { EDITABLE_SECTION_STATUSES } from '../workflow/transitions';
import type { ActorRef } from '../workflow/model';
import {
  ATTACHMENT_ID_PATTERN,
  AttachmentItemSchema,
  attachmentsBySection,
  newAttachmentId,
  toAttachment,
  type Attachment,
  type AttachmentDownload,
  type AttachmentItem,
  type UploadTicket,
} from './attachment-items';
import { cancellationReasons, isTransactionConflict, queryAll } from './dynamo';
import type { FileActivity } from './items';
import { attachmentKey, attachmentPrefix, attachmentSk, fileActivitySk, reportPk, sectionSk, uploadKey } from './keys';

/** Which section an attachment belongs to. */
export interface SectionAddress {
  cycle: string;
  country: string;
  section: string;
}

// Path segments become parts of S3 keys and sort keys: refuse anything that could change their shape.
const KEY_SEGMENT = /^[A-Za-z0-9._-]{1,64}$/;

function assertAddress({ cycle, country, section }: SectionAddress, id?: string): void {
  if (![cycle, country, section].every((s) => KEY_SEGMENT.test(s)) || (id !== undefined && !ATTACHMENT_ID_PATTERN.test(id))) {
    throw new NotFoundError('No such attachment.');
  }
}

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
  /** Records a pending attachment and returns a presigned PUT (10 minutes). 409 when the section is locked. */
  requestUpload(by: ActorRef, at: SectionAddress, request: AttachmentRequest): Promise<UploadTicket>;
  /** Checks the upload against its declaration, moves it to `attachments/`, marks it uploaded. 404, 409. */
  complete(by: ActorRef, at: SectionAddress, id: string): Promise<Attachment>;
  /** Uploaded attachments of a section, oldest first. */
  list(at: SectionAddress): Promise<Attachment[]>;
  /** One uploaded attachment with a presigned GET (5 minutes). 404. */
  get(at: SectionAddress, id: string): Promise<AttachmentDownload>;
  /** Deletes an attachment (pending or uploaded) and, unless a publication still lists it, its bytes. 404, 409 (section locked). */
  remove(by: ActorRef, at: SectionAddress, id: string, options?: { keepBytes?: boolean }): Promise<void>;
  /** A presigned GET (5 minutes) of a file whose key is known (a published one). No I/O. */
  signDownload(file: Attachment & { key: string }): Promise<AttachmentDownload>;
}

/** Builds the attachment store over a DynamoDB table and an S3 bucket. */
export function createAttachmentStore({ doc, s3, presignS3 = s3, tableName, bucket, clock = () => new Date() }: AttachmentStoreDeps): AttachmentStore {
  /** The ConditionCheck that the section is editable (a section never written is a draft). */
  const sectionEditable = ({ cycle, country, section }: SectionAddress) => ({
    ConditionCheck: {
      TableName: tableName,
      Key: { pk: reportPk(cycle, country), sk: sectionSk(section) },
      ConditionExpression: `attribute_not_exists(pk) OR #status IN (${EDITABLE_SECTION_STATUSES.map((_, i) => `:editable${i}`).join(', ')})`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: Object.fromEntries(EDITABLE_SECTION_STATUSES.map((s, i) => [`:editable${i}`, s])),
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    },
  });

  /**
   * Runs one transaction [section check, attachment write, the section's activity record if any] and
   * maps a cancellation to a domain error.
   */
  async function transact(at: SectionAddress, attachmentWrite: AttachmentWrite, onAttachmentFailed: () => Error, activity?: Omit<FileActivity, 'section'>): Promise<void> {
    const record = activity
      ? [{ Put: { TableName: tableName, Item: { pk: reportPk(at.cycle, at.country), sk: fileActivitySk(at.section, activity.at, activity.attachment), type: 'file-activity', section: at.section, ...activity } } }]
      : [];
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: [sectionEditable(at), attachmentWrite, ...record] }));
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      if (reasons[0]?.Code === 'ConditionalCheckFailed') throw sectionLockedError(at.section, reasons[0].Item?.status?.S ?? 'locked');
      if (reasons[1]?.Code === 'ConditionalCheckFailed') throw onAttachmentFailed();
      // A concurrent transaction on the same items (e.g. the report being submitted right now).
      if (isTransactionConflict(error)) throw new ConflictError('The section changed at the same time; try again.');
      throw error;
    }
  }

  async function readItem({ cycle, country, section }: SectionAddress, id: string): Promise<AttachmentItem | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: { pk: reportPk(cycle, country), sk: attachmentSk(section, id) }, ConsistentRead: true }),
    );
    return Item ? AttachmentItemSchema.parse(Item) : undefined;
  }

  async function sectionStatus({ cycle, country, section }: SectionAddress): Promise<string> {
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

  async function signDownload(file: Attachment & { key: string }): Promise<AttachmentDownload> {
    const { key, ...attachment } = file;
    const now = clock();
    const downloadUrl = await getSignedUrl(
      presignS3,
      new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: contentDisposition(file.filename), ResponseContentType: file.contentType }),
      { expiresIn: DOWNLOAD_URL_TTL_SECONDS, signingDate: now },
    );
    return { ...attachment, downloadUrl, expiresAt: new Date(now.getTime() + DOWNLOAD_URL_TTL_SECONDS * 1000).toISOString() };
  }

  /** The first bytes of an object (a ranged GET of exactly the version `etag` names). */
  async function firstBytes(key: string, etag: string | undefined): Promise<Uint8Array> {
    const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}`, ...(etag ? { IfMatch: etag } : {}) }));
    return Body ? await Body.transformToByteArray() : new Uint8Array();
  }

  async function headObject(key: string) {
    try {
      return await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    } catch (error) {
      if (isS3NotFound(error)) return undefined;
      throw error;
    }
  }

  return {
    async requestUpload(by, at, request) {
      assertAddress(at);
      const now = clock();
      const id = newAttachmentId();
      const key = uploadKey(at.cycle, at.country, at.section, id);

      // Presign first (no I/O): a failure leaves nothing behind.
      const uploadUrl = await getSignedUrl(presignS3, new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: request.contentType, ContentLength: request.size }), {
        expiresIn: UPLOAD_URL_TTL_SECONDS,
        signingDate: now,
        // The presigner never signs content-type by default; signing both makes S3 refuse any other type or length.
        signableHeaders: new Set(['content-type', 'content-length']),
      });

      const item: AttachmentItem & { pk: string; sk: string } = {
        pk: reportPk(at.cycle, at.country),
        sk: attachmentSk(at.section, id),
        type: 'attachment',
        id,
        section: at.section,
        filename: request.filename,
        contentType: request.contentType,
        size: request.size,
        state: 'pending',
        createdAt: now.toISOString(),
        createdBy: { sub: by.sub, name: by.name },
        key,
        expiresAt: Math.floor(now.getTime() / 1000) + PENDING_ATTACHMENT_TTL_SECONDS,
      };
      await transact(
        at,
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

    async complete(by, at, id) {
      assertAddress(at, id);
      const [item, status] = await Promise.all([readItem(at, id), sectionStatus(at)]);
      if (!item) throw new NotFoundError(`Section ${at.section} has no attachment ${id}.`);
      if (item.state === 'uploaded') return toAttachment(item)!; // completing twice is harmless
      // Checked again in the transaction; checking now spares the copy when the section is locked.
      if (!(EDITABLE_SECTION_STATUSES as readonly string[]).includes(status)) throw sectionLockedError(at.section, status);

      const from = uploadKey(at.cycle, at.country, at.section, id);
      const to = attachmentKey(at.cycle, at.country, at.section, id);
      const head = await headObject(from);
      if (!head) throw new ConflictError(`Nothing has been uploaded for attachment ${id} (or the upload URL expired); upload the file, then complete.`);
      checkUploadedObject(item, { contentLength: head.ContentLength, contentType: head.ContentType });
      // The content must be what its name and type say (a text file named .pdf is refused): its first bytes, of the object just checked.
      if (isAttachmentContentType(item.contentType)) {
        try {
          checkUploadedContent({ filename: item.filename, contentType: item.contentType }, await firstBytes(from, head.ETag));
        } catch (error) {
          // Refused bytes are never kept: the pending attachment stays (it expires), ready for the right file.
          await deleteObjects([from]).catch(() => undefined);
          throw error;
        }
      }

      // If-Match: copy exactly the object just checked, not one replaced in between.
      await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: to, CopySource: `${bucket}/${from}`, CopySourceIfMatch: head.ETag, MetadataDirective: 'COPY' }));

      const now = clock().toISOString();
      const uploadedBy = { sub: by.sub, name: by.name };
      try {
        await transact(
          at,
          {
            Update: {
              TableName: tableName,
              Key: { pk: reportPk(at.cycle, at.country), sk: attachmentSk(at.section, id) },
              UpdateExpression: 'SET #state = :uploaded, uploadedAt = :now, uploadedBy = :by, #key = :key REMOVE expiresAt',
              ConditionExpression: 'attribute_exists(pk) AND #state = :pending',
              ExpressionAttributeNames: { '#state': 'state', '#key': 'key' },
              ExpressionAttributeValues: { ':uploaded': 'uploaded', ':pending': 'pending', ':now': now, ':by': uploadedBy, ':key': to },
            },
          },
          () => new NotFoundError(`Section ${at.section} has no pending attachment ${id}.`),
          { action: 'added', attachment: id, filename: item.filename, at: now, by: uploadedBy },
        );
      } catch (error) {
        // Completed concurrently by another request: same bytes at the same key, nothing to undo.
        const current = error instanceof NotFoundError ? await readItem(at, id) : undefined;
        if (current?.state === 'uploaded') return toAttachment(current)!;
        await deleteObjects([to]);
        throw error;
      }
      // Best effort: the lifecycle rule on uploads/ removes it anyway.
      await deleteObjects([from]).catch(() => undefined);
      return { id, filename: item.filename, contentType: item.contentType, size: item.size, uploadedAt: now, uploadedBy };
    },

    async list(at) {
      assertAddress(at);
      const items = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': reportPk(at.cycle, at.country), ':prefix': attachmentPrefix(at.section) },
      });
      return attachmentsBySection(items).get(at.section) ?? [];
    },

    async get(at, id) {
      assertAddress(at, id);
      const item = await readItem(at, id);
      const attachment = item && toAttachment(item);
      if (!item || !attachment) throw new NotFoundError(`Section ${at.section} has no attachment ${id}.`);
      return signDownload({ ...attachment, key: item.key });
    },

    signDownload,

    async remove(by, at, id, options = {}) {
      assertAddress(at, id);
      const item = await readItem(at, id);
      if (!item) throw new NotFoundError(`Section ${at.section} has no attachment ${id}.`);
      await transact(
        at,
        { Delete: { TableName: tableName, Key: { pk: reportPk(at.cycle, at.country), sk: attachmentSk(at.section, id) }, ConditionExpression: 'attribute_exists(pk)' } },
        () => new NotFoundError(`Section ${at.section} has no attachment ${id}.`),
        // A pending upload was never part of the section: only an uploaded one leaves a trace.
        item.state === 'uploaded' ? { action: 'removed', attachment: id, filename: item.filename, at: clock().toISOString(), by: { sub: by.sub, name: by.name } } : undefined,
      );
      // Metadata first: if deleting the bytes fails, they are unreachable rather than listed and missing.
      // A published file keeps its bytes: the publication still hands them out.
      await deleteObjects([uploadKey(at.cycle, at.country, at.section, id), ...(options.keepBytes ? [] : [attachmentKey(at.cycle, at.country, at.section, id)])]);
    },
  };
}

function isS3NotFound(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as Error & { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error.name === 'NotFound' || error.name === 'NoSuchKey' || status === 404;
}
