/**
 * Specification of the attachment rules (shared/workflow/attachments.ts) and of the upload request
 * schema that applies them at the boundary (shared/http/schemas.ts): pure, no I/O.
 */
import { describe, expect, it } from 'vitest';
import { inputs } from '../../shared/http/schemas';
import { holdsRoleFor, isSectionEditable } from '../../shared/workflow/access';
import { ATTACHMENT_TYPES, checkUploadedObject, contentDisposition, MAX_ATTACHMENT_SIZE, sanitizeFilename } from '../../shared/workflow/attachments';
import { ConflictError } from '../../shared/workflow/errors';
import type { Actor, SectionStatus } from '../../shared/workflow/model';

/** The request schema's verdict in the shape of the field errors an HTTP client gets. */
function validateAttachmentRequest(input: unknown) {
  const result = inputs.AttachmentUploadRequestSchema.safeParse(input);
  return result.success ? { ok: true as const, value: result.data } : { ok: false as const, errors: result.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })) };
}

const rapporteurME: Actor = { sub: 'u-me', name: 'Rapporteur ME', roles: ['rapporteur'], country: 'ME' };
const reviewer: Actor = { sub: 'u-rev', name: 'Reviewer', roles: ['reviewer'] };
const admin: Actor = { sub: 'u-adm', name: 'Admin', roles: ['admin'] };

const valid = { filename: 'Action plan.pdf', contentType: 'application/pdf', size: 1234 };

describe('the upload request schema', () => {
  it.each([
    ['report.pdf', 'application/pdf'],
    ['old.doc', 'application/msword'],
    ['new.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['table.xls', 'application/vnd.ms-excel'],
    ['table.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['text.odt', 'application/vnd.oasis.opendocument.text'],
    ['sheet.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['chart.png', 'image/png'],
    ['photo.jpg', 'image/jpeg'],
    ['photo.JPEG', 'image/jpeg'],
    ['notes.txt', 'text/plain'],
    ['figures.csv', 'text/csv'],
  ])('accepts %s as %s', (filename, contentType) => {
    expect(validateAttachmentRequest({ filename, contentType, size: 10 })).toEqual({ ok: true, value: { filename, contentType, size: 10 } });
  });

  it('covers exactly the eleven agreed media types', () => {
    expect(Object.keys(ATTACHMENT_TYPES)).toHaveLength(11);
  });

  it('normalizes the media type (case, parameters) to the value the upload must send', () => {
    const result = validateAttachmentRequest({ ...valid, filename: 'a.txt', contentType: ' Text/Plain; charset=utf-8 ' });
    expect(result).toEqual({ ok: true, value: { filename: 'a.txt', contentType: 'text/plain', size: 1234 } });
  });

  it.each([
    ['a missing body', undefined, ['body']],
    ['an empty body', {}, ['body.filename', 'body.contentType', 'body.size']],
    ['an executable', { ...valid, filename: 'x.exe', contentType: 'application/x-msdownload' }, ['body.contentType']],
    ['HTML', { ...valid, filename: 'x.html', contentType: 'text/html' }, ['body.contentType']],
    ['SVG (scriptable image)', { ...valid, filename: 'x.svg', contentType: 'image/svg+xml' }, ['body.contentType']],
    ['a type that is not a string', { ...valid, contentType: 42 }, ['body.contentType']],
    ['an extension that disagrees with the type', { ...valid, filename: 'invoice.exe' }, ['body.filename']],
    ['a filename without extension', { ...valid, filename: 'README' }, ['body.filename']],
    ['an empty filename', { ...valid, filename: '   ' }, ['body.filename']],
    ['a filename of only a directory', { ...valid, filename: 'dir/' }, ['body.filename']],
    ['a filename of dots', { ...valid, filename: '..' }, ['body.filename']],
    ['a filename over 200 characters', { ...valid, filename: `${'a'.repeat(197)}.pdf` }, ['body.filename']],
    ['size 0', { ...valid, size: 0 }, ['body.size']],
    ['a negative size', { ...valid, size: -1 }, ['body.size']],
    ['a fractional size', { ...valid, size: 1.5 }, ['body.size']],
    ['a size as a string', { ...valid, size: '1234' }, ['body.size']],
    ['one byte over 25 MB', { ...valid, size: MAX_ATTACHMENT_SIZE + 1 }, ['body.size']],
  ])('refuses %s, naming the field', (_name, input, paths) => {
    const result = validateAttachmentRequest(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(paths);
  });

  it('accepts exactly 25 MB and a 200-character filename', () => {
    const filename = `${'é'.repeat(196)}.pdf`;
    expect(validateAttachmentRequest({ ...valid, filename, size: MAX_ATTACHMENT_SIZE }).ok).toBe(true);
  });
});

describe('sanitizeFilename', () => {
  it.each([
    ['Plan.pdf', 'Plan.pdf'],
    ['C:\\fakepath\\Plan.pdf', 'Plan.pdf'],
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['a/b\\c.pdf', 'c.pdf'],
    ['  spaced .pdf  ', 'spaced .pdf'],
    ['tab\tand\nnewline.pdf', 'tabandnewline.pdf'],
    ['nul\u0000byte.pdf', 'nulbyte.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['Izvještaj Crna Gora.pdf', 'Izvještaj Crna Gora.pdf'],
    ['e\u0301.pdf', '\u00e9.pdf'],
  ])('turns %j into %j', (raw, clean) => {
    expect(sanitizeFilename(raw)).toBe(clean);
  });
});

describe('who may change attachments', () => {
  it('is the rapporteur of the country (the rule of saving a section)', () => {
    expect(holdsRoleFor('saveSection', rapporteurME, 'ME')).toBe(true);
  });

  it.each([
    ['a rapporteur of another country', rapporteurME, 'XK'],
    ['a reviewer', reviewer, 'ME'],
    ['an admin', admin, 'ME'],
  ])('is not %s', (_name, actor, country) => {
    expect(holdsRoleFor('saveSection', actor, country)).toBe(false);
  });

  it('refuses an invalid declaration with field errors naming the size limit', () => {
    const result = validateAttachmentRequest({ ...valid, size: MAX_ATTACHMENT_SIZE + 1 });
    expect(result).toEqual({ ok: false, errors: [{ path: 'body.size', message: expect.stringContaining('25 MB') }] });
  });
});

describe('isSectionEditable', () => {
  it.each<[SectionStatus, boolean]>([
    ['draft', true],
    ['returned', true],
    ['submitted', false],
    ['approved', false],
  ])('a %s section: %s', (status, editable) => {
    expect(isSectionEditable(status)).toBe(editable);
  });
});

describe('checkUploadedObject', () => {
  const declared = { size: 100, contentType: 'application/pdf' };

  it('accepts the object as declared', () => {
    expect(() => checkUploadedObject(declared, { contentLength: 100, contentType: 'application/pdf' })).not.toThrow();
  });

  it.each([
    ['another size', { contentLength: 101, contentType: 'application/pdf' }, ['object.size']],
    ['another type', { contentLength: 100, contentType: 'text/html' }, ['object.contentType']],
    ['neither', { contentLength: 1, contentType: undefined }, ['object.size', 'object.contentType']],
  ])('refuses an object of %s with 409', (_name, stored, paths) => {
    try {
      checkUploadedObject(declared, stored);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictError);
      expect((e as ConflictError).errors?.map((x) => x.path)).toEqual(paths);
    }
  });
});

describe('contentDisposition', () => {
  it.each([
    ['plan.pdf', `attachment; filename="plan.pdf"; filename*=UTF-8''plan.pdf`],
    ['Izvještaj (final).pdf', `attachment; filename="Izvje_taj (final).pdf"; filename*=UTF-8''Izvje%C5%A1taj%20%28final%29.pdf`],
    ['say "hi".txt', `attachment; filename="say _hi_.txt"; filename*=UTF-8''say%20%22hi%22.txt`],
    ["it's.txt", `attachment; filename="it's.txt"; filename*=UTF-8''it%27s.txt`],
  ])('for %j is %j', (filename, header) => {
    expect(contentDisposition(filename)).toBe(header);
  });
});
