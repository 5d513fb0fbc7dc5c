/**
 * Splits chat text into plain text and web links. Only http(s) URLs become links; anything else
 * that looks like a URL (javascript:, data:, file:) stays inert text. Chat text is always rendered
 * as text nodes, never as HTML.
 */

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Candidate URLs: a scheme followed by non-space characters. The scheme is checked afterwards so
// that a non-web scheme is kept as text rather than silently dropped.
const CANDIDATE = /\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s<>"]+/giu;
/** Punctuation that usually ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?)\]}'"]+$/u;

/** A safe href for `raw`, or null when it is not a well-formed http(s) URL. */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Not a well-formed URL: shown as plain text, which is the answer null gives.
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  const push = (value: string) => {
    if (!value) return;
    const previous = parts.at(-1);
    if (previous?.kind === 'text') previous.text += value;
    else parts.push({ kind: 'text', text: value });
  };
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const trailing = TRAILING.exec(match[0])?.[0] ?? '';
    const candidate = match[0].slice(0, match[0].length - trailing.length);
    push(text.slice(last, start));
    const href = safeHref(candidate);
    if (href) parts.push({ kind: 'link', text: candidate, href });
    else push(candidate);
    push(trailing);
    last = start + match[0].length;
  }
  push(text.slice(last));
  return parts;
}
