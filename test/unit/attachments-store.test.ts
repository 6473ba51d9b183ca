/** Specification of the attachment store's pure parts: item mappers, keys and S3 client settings. */
import { describe, expect, it } from 'vitest';
import { attachmentsBySection, newAttachmentId, toAttachment } from '../../shared/store/attachment-items';
import { attachmentKey, uploadKey } from '../../shared/store/keys';
import { createS3Clients } from '../../shared/store/s3-clients';

const uploadedBy = { sub: 'u-me', name: 'Rapporteur ME' };

function item(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    pk: 'REPORT#2014#ME',
    sk: 'R#ATTACHMENT#1.1.A#AAAAAAAAAAAAAAAAAAAAAA',
    type: 'attachment',
    id: 'AAAAAAAAAAAAAAAAAAAAAA',
    section: '1.1.A',
    filename: 'plan.pdf',
    contentType: 'application/pdf',
    size: 10,
    state: 'uploaded',
    createdAt: '2014-05-01T10:00:00.000Z',
    createdBy: uploadedBy,
    uploadedAt: '2014-05-01T10:01:00.000Z',
    uploadedBy,
    key: 'attachments/2014/ME/1.1.A/AAAAAAAAAAAAAAAAAAAAAA',
    ...overrides,
  };
}

describe('toAttachment', () => {
  it('maps an uploaded item to the API view (no keys, no state)', () => {
    expect(toAttachment(item())).toEqual({
      id: 'AAAAAAAAAAAAAAAAAAAAAA',
      filename: 'plan.pdf',
      contentType: 'application/pdf',
      size: 10,
      uploadedAt: '2014-05-01T10:01:00.000Z',
      uploadedBy,
    });
  });

  it('hides a pending (never completed) attachment', () => {
    expect(toAttachment(item({ state: 'pending', uploadedAt: undefined, uploadedBy: undefined, expiresAt: 1 }))).toBeUndefined();
  });

  it('falls back to the creator when the item has no uploadedBy', () => {
    expect(toAttachment(item({ uploadedBy: undefined }))?.uploadedBy).toEqual(uploadedBy);
  });

  it.each([
    ['a missing size', { size: undefined }],
    ['an unknown state', { state: 'lost' }],
    ['a creator without name', { createdBy: { sub: 'x' } }],
  ])('refuses a corrupt item with %s', (_name, overrides) => {
    expect(() => toAttachment(item(overrides))).toThrow();
  });
});

describe('attachmentsBySection', () => {
  it('groups the uploaded attachments of a report read by section, oldest first, skipping other items', () => {
    const items = [
      { pk: 'REPORT#2014#ME', sk: 'R#META', status: 'draft' },
      { pk: 'REPORT#2014#ME', sk: 'R#SECTION#1.1.A', status: 'draft', text: '' },
      item({ id: 'B'.repeat(22), uploadedAt: '2014-05-02T00:00:00.000Z' }),
      item({ id: 'A'.repeat(22), uploadedAt: '2014-05-01T00:00:00.000Z' }),
      item({ id: 'C'.repeat(22), section: '2.1.B' }),
      item({ id: 'D'.repeat(22), state: 'pending', uploadedAt: undefined }),
    ];
    const bySection = attachmentsBySection(items);
    expect([...bySection.keys()].sort()).toEqual(['1.1.A', '2.1.B']);
    expect(bySection.get('1.1.A')?.map((a) => a.id)).toEqual(['A'.repeat(22), 'B'.repeat(22)]);
    expect(bySection.get('2.1.B')?.map((a) => a.id)).toEqual(['C'.repeat(22)]);
  });
});

describe('keys and ids', () => {
  it('makes ids of 128 random bits, base64url, never twice the same', () => {
    const ids = new Set(Array.from({ length: 1000 }, newAttachmentId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from([...ids][0]!, 'base64url')).toHaveLength(16);
  });

  it('scopes object keys by cycle, country and section, never by filename', () => {
    expect(uploadKey('2014', 'ME', '1.1.A', 'x')).toBe('uploads/2014/ME/1.1.A/x');
    expect(attachmentKey('2014', 'ME', '1.1.A', 'x')).toBe('attachments/2014/ME/1.1.A/x');
  });
});

describe('createS3Clients', () => {
  it('computes and validates checksums only when required, path style as configured', async () => {
    const { s3, presignS3 } = createS3Clients({ S3_FORCE_PATH_STYLE: true, S3_PUBLIC_ENDPOINT: undefined });
    expect(presignS3).toBe(s3);
    expect(s3.config.forcePathStyle).toBe(true);
    expect(await s3.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED');
    expect(await s3.config.responseChecksumValidation()).toBe('WHEN_REQUIRED');
  });

  it('signs browser URLs with a second client for the public endpoint', async () => {
    const { s3, presignS3 } = createS3Clients({ S3_FORCE_PATH_STYLE: false, S3_PUBLIC_ENDPOINT: 'http://localhost:4569' });
    expect(presignS3).not.toBe(s3);
    const endpoint = await presignS3.config.endpoint?.();
    expect(endpoint?.hostname).toBe('localhost');
    expect(endpoint?.port).toBe(4569);
  });
});
