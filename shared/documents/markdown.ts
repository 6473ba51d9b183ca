/**
 * The one place that turns an answer's Markdown into HTML: CommonMark + GFM through a private
 * `marked` instance whose renderer lets no markup of the author's through. Answers are CommonMark
 * with no raw HTML allowed, so raw HTML is shown as text (escaped), not parsed and filtered: nothing
 * written as `<script>`, `<img onerror>`, `<a href="javascript:…">` or `style=` becomes a tag. Links
 * keep only http(s), mailto and relative targets (checked after marked decoded the entities), images
 * become their alt text, headings become paragraphs (an answer sits under its question's heading).
 *
 * Not in the documents barrel: it is imported by the renderers and the pages that show answers, and
 * the use cases load the renderers on first use, so a function that only parses never loads marked.
 */
import { Marked, type Tokens } from 'marked';

/** Escape text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * The link target when it is safe: http, https, mailto or a relative reference (no scheme, not
 * protocol-relative). Browsers ignore tabs, newlines and other control characters inside a scheme
 * (`jav&#x09;ascript:`), so they are removed before the scheme is read.
 */
export function safeHref(href: string): string | undefined {
  // Character references a browser (or a later tool) could decode into a scheme: `&#106;avascript&colon;`.
  const decoded = href
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) % 0x110000))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10) % 0x110000))
    .replace(/&colon;/gi, ':')
    .replace(/&(tab|newline);/gi, '');
  // eslint-disable-next-line no-control-regex
  const compact = decoded.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact.startsWith('//') || compact.startsWith('\\')) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme.toLowerCase())) return undefined;
  // A colon before any slash, ? or # that is not a valid scheme (`java script:`, `&colon;` decoded) is refused too.
  if (scheme === undefined && /^[^/?#]*:/.test(compact)) return undefined;
  return href.trim();
}

// A private instance: options set here never leak into, or get changed by, other users of `marked`.
const markdown = new Marked({ gfm: true, breaks: false });
markdown.use({
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      const text = escapeHtml(token.text);
      return 'block' in token && token.block ? `<p>${text.trim()}</p>\n` : text;
    },
    heading({ tokens }: Tokens.Heading) {
      return `<p>${this.parser.parseInline(tokens)}</p>\n`;
    },
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      const target = safeHref(href);
      if (target === undefined) return text;
      return `<a href="${escapeHtml(target)}"${title ? ` title="${escapeHtml(title)}"` : ''} rel="noopener noreferrer">${text}</a>`;
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
    code({ text }: Tokens.Code) {
      return `<pre><code>${escapeHtml(text)}</code></pre>\n`;
    },
    checkbox({ checked }: Tokens.Checkbox) {
      return checked ? '[x] ' : '[ ] ';
    },
  },
});

/** Render an answer's Markdown to HTML that is safe to embed: no script, event handler or `javascript:` URL survives. */
export function answerToHtml(text: string): string {
  return markdown.parse(text, { async: false }).trim();
}
