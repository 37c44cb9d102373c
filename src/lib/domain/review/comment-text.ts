/**
 * Comments are plain text. To show links without ever interpreting markup, the text is split
 * into pieces — text and http(s) links — that the page renders as text nodes and `<a>`
 * elements; nothing is ever passed to the page as HTML. Only http and https addresses become
 * links (never `javascript:` or `data:`), and punctuation that ends a sentence is left out.
 */
export type CommentPiece =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
const TRAILING = /[.,;:!?'")\]}]+$/;

export const COMMENT_MAX_LENGTH = 5000;

export function commentPieces(body: string): CommentPiece[] {
  const pieces: CommentPiece[] = [];
  let last = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    let url = match[0];
    const trailing = url.match(TRAILING)?.[0] ?? '';
    if (trailing) url = url.slice(0, -trailing.length);
    const href = safeHref(url);
    if (!href) continue;
    const start = match.index;
    if (start > last) pieces.push({ kind: 'text', text: body.slice(last, start) });
    pieces.push({ kind: 'link', text: url, href });
    last = start + url.length;
  }
  if (last < body.length) pieces.push({ kind: 'text', text: body.slice(last) });
  return pieces;
}

/** The address as the browser would follow it, if it is http(s); null otherwise. */
function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Paragraphs: blank lines separate them; single line breaks stay inside (CSS keeps them). */
export function commentParagraphs(body: string): CommentPiece[][] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map(commentPieces);
}
