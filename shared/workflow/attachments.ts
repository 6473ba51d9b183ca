/**
 * Pure rules for section attachments: which files are accepted, how a display filename is cleaned,
 * and whether an uploaded object matches what was declared. No AWS, no Hono, no I/O: the request
 * schema (shared/http/schemas.ts) applies the declaration rules, the use cases and the store the rest.
 */
import { ConflictError, InvalidInputError, type FieldError } from './errors';
import { EDITABLE_SECTION_STATUSES } from './transitions';

/** Accepted media types and the filename extensions each may carry (first one is the canonical one). */
export const ATTACHMENT_TYPES = {
  'application/pdf': ['pdf'],
  'application/msword': ['doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
} as const satisfies Record<string, readonly string[]>;

export type AttachmentContentType = keyof typeof ATTACHMENT_TYPES;

/** Largest accepted attachment: 25 MiB. */
export const MAX_ATTACHMENT_SIZE = 25 * 1024 * 1024;
/** Longest display filename kept, in characters (code points), after sanitizing. */
export const MAX_FILENAME_LENGTH = 200;
/** Lifetime of a presigned upload URL (the brief allows at most 15 minutes). */
export const UPLOAD_URL_TTL_SECONDS = 10 * 60;
/** Lifetime of a presigned download URL. */
export const DOWNLOAD_URL_TTL_SECONDS = 5 * 60;
/** How long a never-completed attachment is kept (DynamoDB TTL and the S3 lifecycle rule on `uploads/`). */
export const PENDING_ATTACHMENT_TTL_SECONDS = 24 * 60 * 60;

/** What a rapporteur declares before uploading (as the request schema leaves it: clean and checked). */
export interface AttachmentRequest {
  filename: string;
  contentType: AttachmentContentType;
  size: number;
}

export function isAttachmentContentType(value: string): value is AttachmentContentType {
  return Object.hasOwn(ATTACHMENT_TYPES, value);
}

/**
 * Normalizes a declared media type: lower case, trimmed, parameters dropped (`text/plain; charset=utf-8`
 * becomes `text/plain`). The normalized value is the one the upload must send and S3 must store.
 */
export function normalizeContentType(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

// C0 and C1 controls, DEL, and the bidirectional overrides/isolates that let "gpj.exe" display as "exe.jpg".
const UNSAFE_FILENAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Cleans a client's filename for display: keeps only the last path segment (browsers and old
 * clients may send `C:\fakepath\x.pdf`), drops control and bidi-override characters, NFC-normalizes
 * and trims. The result is never used in a storage key.
 */
export function sanitizeFilename(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  return lastSegment.normalize('NFC').replace(UNSAFE_FILENAME_CHARS, '').trim();
}

/** The extension of a filename, lower case, without the dot ('' when none). */
export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot <= 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/** Why a (sanitized) filename cannot be used for `contentType`, or undefined when it can. */
export function filenameProblem(filename: string, contentType: string): string | undefined {
  if (filename === '' || /^\.+$/.test(filename)) return 'must contain a file name';
  if ([...filename].length > MAX_FILENAME_LENGTH) return `must be at most ${MAX_FILENAME_LENGTH} characters`;
  if (!isAttachmentContentType(contentType)) return undefined; // the type's own error says it
  // The filename is what the reader's browser saves the download as: its extension must agree with the type.
  const extensions: readonly string[] = ATTACHMENT_TYPES[contentType];
  if (!extensions.includes(extensionOf(filename))) return `must end in ${extensions.map((e) => `.${e}`).join(' or ')} for ${contentType}`;
  return undefined;
}

/** The ConflictError of a locked section. */
export function sectionLockedError(section: string, status: string): ConflictError {
  return new ConflictError(`The attachments of section ${section} cannot change: it is ${status} (allowed when ${EDITABLE_SECTION_STATUSES.join(' or ')}).`);
}

/** The kinds of file accepted, by name (for people: messages, hints, the upload form). */
export const ATTACHMENT_KIND_NAMES: Record<AttachmentContentType, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word (.doc)',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
  'application/vnd.ms-excel': 'Excel (.xls)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text (.odt)',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet (.ods)',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'text/plain': 'plain text (.txt)',
  'text/csv': 'CSV (.csv)',
};

/** "PDF, Word (.doc), …, plain text (.txt) or CSV (.csv)". */
export function attachmentKindsInWords(): string {
  const names = Object.values(ATTACHMENT_KIND_NAMES);
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** How many first bytes of an upload the content check reads. */
export const SNIFF_BYTES = 512;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The bytes each binary type starts with (Office Open XML and OpenDocument files are ZIP archives; .doc and .xls OLE compound files). */
const SIGNATURES: Partial<Record<AttachmentContentType, readonly number[]>> = {
  'application/pdf': [...new TextEncoder().encode('%PDF-')],
  'application/msword': OLE,
  'application/vnd.ms-excel': OLE,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
  'application/vnd.oasis.opendocument.text': ZIP,
  'application/vnd.oasis.opendocument.spreadsheet': ZIP,
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** What the first bytes of a file look like, in words (for the message of a mismatch). */
function looksLike(bytes: Uint8Array): string {
  for (const [type, signature] of Object.entries(SIGNATURES)) if (startsWith(bytes, signature)) return `a ${signature === ZIP ? 'ZIP archive' : ATTACHMENT_KIND_NAMES[type as AttachmentContentType]} file`;
  return bytes.includes(0) ? 'a file of another kind' : 'plain text';
}

/**
 * Why the first bytes of an uploaded file do not fit its declared type (its name and type said PDF,
 * its content is text), or undefined when they do. Text types must not hold NUL bytes or a binary signature.
 */
export function contentProblem(contentType: AttachmentContentType, firstBytes: Uint8Array): string | undefined {
  const signature = SIGNATURES[contentType];
  if (signature) return startsWith(firstBytes, signature) ? undefined : `is not a ${ATTACHMENT_KIND_NAMES[contentType]} file: its content is ${looksLike(firstBytes)}`;
  const binary = firstBytes.includes(0) || Object.values(SIGNATURES).some((sig) => startsWith(firstBytes, sig));
  return binary ? `is not ${ATTACHMENT_KIND_NAMES[contentType]}: its content is ${looksLike(firstBytes)}` : undefined;
}

/** The 400 of an upload whose content is not what its name and type say (naming the file). */
export function checkUploadedContent(file: { filename: string; contentType: AttachmentContentType }, firstBytes: Uint8Array): void {
  const problem = contentProblem(file.contentType, firstBytes);
  if (problem) {
    throw new InvalidInputError(`“${file.filename}” ${problem}. Upload the ${ATTACHMENT_KIND_NAMES[file.contentType]} file itself, or save the file in one of the accepted kinds.`, [
      { path: 'object.content', message: problem },
    ]);
  }
}

/** What S3 reports about an uploaded object (HeadObject). */
export interface StoredObjectFacts {
  contentLength?: number;
  contentType?: string;
}

/**
 * Compares the uploaded object with the declaration and throws ConflictError on any difference
 * (S3 enforces the signed headers in AWS, but local servers do not: this check is the one that holds everywhere).
 */
export function checkUploadedObject(declared: { size: number; contentType: string }, stored: StoredObjectFacts): void {
  const problems: FieldError[] = [];
  if (stored.contentLength !== declared.size) {
    problems.push({ path: 'object.size', message: `is ${stored.contentLength ?? 'unknown'} bytes, declared ${declared.size}` });
  }
  const storedType = stored.contentType === undefined ? undefined : normalizeContentType(stored.contentType);
  if (storedType !== declared.contentType) {
    problems.push({ path: 'object.contentType', message: `is ${stored.contentType ?? 'unknown'}, declared ${declared.contentType}` });
  }
  if (problems.length > 0) {
    throw new ConflictError('The uploaded file does not match its declaration; upload it again as declared.', problems);
  }
}

/**
 * The `Content-Disposition` of a download (RFC 6266): `attachment`, an ASCII fallback `filename`
 * and the exact name as `filename*=UTF-8''…` (RFC 8187 percent-encoding).
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
