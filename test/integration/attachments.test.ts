/**
 * Attachments end to end against real local services: s3rver started here (temp dir) and the
 * global setup's DynamoDB Local (a fresh table for this file). Bytes travel through the presigned
 * URLs with global fetch, exactly as a browser sends them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type S3Server } from '../../functions/local/s3-server';
import { createAttachmentStore, type AttachmentStore } from '../../shared/store/attachment-store';
import { createS3Clients, type S3Clients } from '../../shared/store/s3-clients';
import { documentClient } from '../../shared/store/clients';
import { attachmentSk, reportPk, sectionSk } from '../../shared/store/keys';
import type { AttachmentRequest } from '../../shared/workflow/attachments';
import { ConflictError, NotFoundError } from '../../shared/workflow/errors';
import type { Actor } from '../../shared/workflow/model';
import { countingDocumentClient, createTestTable, type CountingClient } from '../support/dynamo';

const BUCKET = 'attachments-it';
const CYCLE = '2014';
const COUNTRY = 'ME';
const rapporteur: Actor = { sub: 'u-me', name: 'Rapporteur ME', roles: ['rapporteur'], country: COUNTRY };
const at = (section: string) => ({ cycle: CYCLE, country: COUNTRY, section });

let dataDir: string;
let s3Server: S3Server;
let clients: S3Clients;
let store: AttachmentStore;
let tableName: string;
let dynamo: CountingClient;
const timings: Record<string, number> = {};

beforeAll(async () => {
  // The global setup sets region and credentials; s3rver is told to accept them.
  process.env.AWS_ACCESS_KEY_ID ??= 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER';

  dataDir = await mkdtemp(join(tmpdir(), 'attachments-it-'));
  const t = performance.now();
  s3Server = await startS3Server({
    directory: dataDir,
    bucket: BUCKET,
    credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY },
  });
  timings.s3rverStartMs = performance.now() - t;
  process.env.AWS_ENDPOINT_URL_S3 = s3Server.endpoint;

  tableName = await createTestTable('attachments');

  clients = createS3Clients({ S3_FORCE_PATH_STYLE: true, S3_PUBLIC_ENDPOINT: undefined });
  dynamo = countingDocumentClient();
  store = createAttachmentStore({ doc: dynamo.doc, ...clients, tableName, bucket: BUCKET });
}, 90_000);

afterAll(async () => {
  await s3Server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  console.info('attachments integration timings (ms):', Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])));
});

const pdf = (bytes: number) => {
  const body = randomBytes(bytes);
  body.write('%PDF-1.7\n');
  return body;
};

async function upload(ticket: { uploadUrl: string; method: string; headers: Record<string, string> }, body: Uint8Array, headers = ticket.headers) {
  const t = performance.now();
  const response = await fetch(ticket.uploadUrl, { method: ticket.method, headers, body: new Uint8Array(body) });
  timings.lastPutMs = performance.now() - t;
  expect(response.status, await response.text()).toBe(200);
}

async function setSectionStatus(section: string, status: string) {
  await documentClient().send(new PutCommand({ TableName: tableName, Item: { pk: reportPk(CYCLE, COUNTRY), sk: sectionSk(section), status } }));
}

async function objectExists(key: string): Promise<boolean> {
  try {
    await clients.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    return true;
  } catch {
    return false;
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('attachments against s3rver and DynamoDB Local', () => {
  it('uploads through the presigned URL, completes, lists and downloads the same bytes', async () => {
    const section = '1.1.A';
    const body = pdf(300_000);
    const filename = 'Akcioni plan – Crna Gora (2014).pdf';

    let t = performance.now();
    const ticket = await store.requestUpload(rapporteur, at(section), { filename, contentType: 'application/pdf', size: body.length });
    timings.requestUploadMs = performance.now() - t;

    expect(ticket).toMatchObject({ id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), method: 'PUT', headers: { 'content-type': 'application/pdf', 'content-length': String(body.length) } });
    const url = new URL(ticket.uploadUrl);
    expect(url.pathname).toBe(`/${BUCKET}/uploads/${CYCLE}/${COUNTRY}/${section}/${ticket.id}`);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    // The checksum pitfall: no CRC32 of an empty body baked into the URL.
    expect([...url.searchParams.keys()].filter((k) => k.toLowerCase().includes('checksum'))).toEqual([]);
    expect(Date.parse(ticket.expiresAt) - Date.now()).toBeLessThanOrEqual(600_000);

    // Pending: stored with a TTL, not listed, not readable.
    const pending = await documentClient().send(new GetCommand({ TableName: tableName, Key: { pk: reportPk(CYCLE, COUNTRY), sk: attachmentSk(section, ticket.id) } }));
    expect(pending.Item).toMatchObject({ state: 'pending', expiresAt: expect.any(Number), createdBy: { sub: 'u-me', name: 'Rapporteur ME' } });
    expect(await store.list(at(section))).toEqual([]);
    expect(await rejection(store.get(at(section), ticket.id))).toBeInstanceOf(NotFoundError);

    await upload(ticket, body);
    t = performance.now();
    const completed = await store.complete(rapporteur, at(section), ticket.id);
    timings.completeMs = performance.now() - t;
    expect(completed).toMatchObject({ id: ticket.id, filename, contentType: 'application/pdf', size: body.length, uploadedBy: { sub: 'u-me', name: 'Rapporteur ME' } });

    // Moved: uploads/ emptied, attachments/ holds the bytes; the TTL is gone.
    expect(await objectExists(`uploads/${CYCLE}/${COUNTRY}/${section}/${ticket.id}`)).toBe(false);
    expect(await objectExists(`attachments/${CYCLE}/${COUNTRY}/${section}/${ticket.id}`)).toBe(true);
    const uploaded = await documentClient().send(new GetCommand({ TableName: tableName, Key: { pk: reportPk(CYCLE, COUNTRY), sk: attachmentSk(section, ticket.id) } }));
    expect(uploaded.Item).toMatchObject({ state: 'uploaded', key: `attachments/${CYCLE}/${COUNTRY}/${section}/${ticket.id}` });
    expect(uploaded.Item).not.toHaveProperty('expiresAt');

    // Completing again is harmless.
    expect(await store.complete(rapporteur, at(section), ticket.id)).toEqual(completed);

    expect(await store.list(at(section))).toEqual([completed]);
    expect(await store.list(at('1.1.B'))).toEqual([]);

    const download = await store.get(at(section), ticket.id);
    expect(download).toMatchObject({ ...completed, downloadUrl: expect.any(String), expiresAt: expect.any(String) });
    expect(new URL(download.downloadUrl).searchParams.get('X-Amz-Expires')).toBe('300');
    t = performance.now();
    const response = await fetch(download.downloadUrl);
    const bytes = Buffer.from(await response.arrayBuffer());
    timings.downloadMs = performance.now() - t;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Akcioni plan _ Crna Gora (2014).pdf"; filename*=UTF-8''Akcioni%20plan%20%E2%80%93%20Crna%20Gora%20%282014%29.pdf`,
    );
    expect(bytes.equals(body)).toBe(true);

    await store.remove(rapporteur, at(section), ticket.id);
    expect(await store.list(at(section))).toEqual([]);
    expect(await objectExists(`attachments/${CYCLE}/${COUNTRY}/${section}/${ticket.id}`)).toBe(false);
    expect(await rejection(store.remove(rapporteur, at(section), ticket.id))).toBeInstanceOf(NotFoundError);
  });

  it('refuses to complete when nothing was uploaded (409)', async () => {
    const ticket = await store.requestUpload(rapporteur, at('2.1.B'), { filename: 'a.pdf', contentType: 'application/pdf', size: 10 });
    expect(await rejection(store.complete(rapporteur, at('2.1.B'), ticket.id))).toBeInstanceOf(ConflictError);
  });

  it.each([
    ['another size', pdf(11), { 'content-type': 'application/pdf' }, 'object.size'],
    ['another type', pdf(10), { 'content-type': 'text/html' }, 'object.contentType'],
  ])('refuses to complete an upload of %s than declared (409)', async (_name, body, headers, path) => {
    const section = '2.2.A';
    const ticket = await store.requestUpload(rapporteur, at(section), { filename: 'a.pdf', contentType: 'application/pdf', size: 10 });
    // s3rver does not verify SigV4 signatures, so it stores what real S3 would refuse (403): the
    // HeadObject check of complete() is what catches it here, and the guard that holds everywhere.
    await upload(ticket, body, headers);
    const error = await rejection(store.complete(rapporteur, at(section), ticket.id));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).errors?.map((e) => e.path)).toEqual([path]);
    expect(await store.list(at(section))).toEqual([]);
  });

  it('refuses unknown attachments with 404', async () => {
    const unknown = 'A'.repeat(22);
    expect(await rejection(store.complete(rapporteur, at('3.1.A'), unknown))).toBeInstanceOf(NotFoundError);
    expect(await rejection(store.get(at('3.1.A'), unknown))).toBeInstanceOf(NotFoundError);
    expect(await rejection(store.get(at('3.1.A'), '../../etc'))).toBeInstanceOf(NotFoundError);
  });

  it('locks attachments with their section: no add, complete or delete once submitted (409), again after return', async () => {
    const section = '4.1.C';
    const body = pdf(1000);
    const declared: AttachmentRequest = { filename: 'evidence.pdf', contentType: 'application/pdf', size: body.length };
    const kept = await store.requestUpload(rapporteur, at(section), declared);
    await upload(kept, body);
    await store.complete(rapporteur, at(section), kept.id);
    let t = performance.now();
    const unfinished = await store.requestUpload(rapporteur, at(section), declared);
    timings.warmRequestUploadMs = performance.now() - t;
    await upload(unfinished, body);

    await setSectionStatus(section, 'submitted');

    const added = await rejection(store.requestUpload(rapporteur, at(section), declared));
    expect(added).toBeInstanceOf(ConflictError);
    expect((added as Error).message).toContain('submitted');
    expect(await rejection(store.complete(rapporteur, at(section), unfinished.id))).toBeInstanceOf(ConflictError);
    expect(await rejection(store.remove(rapporteur, at(section), kept.id))).toBeInstanceOf(ConflictError);
    expect((await store.list(at(section))).map((a) => a.id)).toEqual([kept.id]);

    await setSectionStatus(section, 'approved');
    expect(await rejection(store.remove(rapporteur, at(section), kept.id))).toBeInstanceOf(ConflictError);

    await setSectionStatus(section, 'returned');
    t = performance.now();
    await store.complete(rapporteur, at(section), unfinished.id);
    timings.warmCompleteMs = performance.now() - t;
    t = performance.now();
    await store.remove(rapporteur, at(section), kept.id);
    timings.warmRemoveMs = performance.now() - t;
    expect((await store.list(at(section))).map((a) => a.id)).toEqual([unfinished.id]);
  });

  it('writes metadata in one round trip per change (the section check travels in the transaction)', async () => {
    const section = '3.2.C';
    const body = pdf(20);
    dynamo.reset();
    const ticket = await store.requestUpload(rapporteur, at(section), { filename: 'a.pdf', contentType: 'application/pdf', size: body.length });
    expect(dynamo.calls).toEqual(['TransactWriteItemsCommand']);
    await upload(ticket, body);
    dynamo.reset();
    await store.complete(rapporteur, at(section), ticket.id);
    // Two parallel reads (attachment, section status: no S3 copy for a locked section), then the write.
    expect(dynamo.calls).toEqual(['GetItemCommand', 'GetItemCommand', 'TransactWriteItemsCommand']);
    dynamo.reset();
    await store.remove(rapporteur, at(section), ticket.id);
    // The read says whether the removal leaves a trace in the section's activity (an uploaded file does).
    expect(dynamo.calls).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
  });

  it('lets a browser on another origin upload (CORS preflight of the local bucket)', async () => {
    const ticket = await store.requestUpload(rapporteur, at('4.2.A'), { filename: 'a.csv', contentType: 'text/csv', size: 3 });
    const preflight = await fetch(ticket.uploadUrl, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('keeps the server-side S3 client able to write directly (sanity of the endpoint wiring)', async () => {
    await clients.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `probe/${CYCLE}`, Body: 'x' }));
    expect(await objectExists(`probe/${CYCLE}`)).toBe(true);
  });
});
