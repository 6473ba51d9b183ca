/**
 * Limits of what people write. The HTTP and form schemas (shared/http/schemas.ts) enforce them at
 * the boundary, so OpenAPI documents them and a bad request costs no DynamoDB call.
 */

/** Upper bound of one answer, far above the longest published answer (about 3,000 characters), and within DynamoDB's 400 KB item limit. */
export const MAX_ANSWER_LENGTH = 50_000;
/** Upper bound of a reviewer's comment. */
export const MAX_COMMENT_LENGTH = 10_000;

// Characters that show nothing to a reader: whitespace, C0/C1 controls, zero-width and bidi marks,
// the BOM, soft hyphens and the invisible operators (U+2060–U+2064).
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** True when `text` shows nothing to a reader (empty, spaces, NULs, zero-width or control characters only). */
export function isBlankToReader(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}
