/** At most this many words of a query are used; more only slow the match down. */
const MAX_TERMS = 12;

/**
 * Turns what a person typed into an FTS5 MATCH expression: every word must occur, as a whole
 * word; a word typed with a trailing `*` matches as a prefix ("pric*"). Words are runs of
 * letters and digits — the split the unicode61 tokenizer makes — and are quoted, so FTS5
 * operators, column filters and stray quotes in the input are plain text, never syntax.
 * Prefixes are opt-in because FTS5 answers a prefix by merging the doclists of every word that
 * starts with it, which for a short, common prefix means most of the index; a whole word is
 * one doclist it can walk newest-first and stop after a page. Null when there is no word.
 */
export function toMatchQuery(input: string): string | null {
  const terms = [...input.matchAll(/([\p{L}\p{N}]+)(\*)?/gu)].slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  return terms.map(([, word, star]) => (star ? `"${word}"*` : `"${word}"`)).join(' ');
}
