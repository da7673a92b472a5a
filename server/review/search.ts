/**
 * Search is literal: what the reviewer types is found as typed, in Chinese or English, with case
 * and full-width/half-width forms folded. Text is stored folded; each word of the query must occur.
 */
export function searchable(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export const MAX_SEARCH_WORDS = 8;

/** Text for a LIKE pattern with ESCAPE '\': % _ and \ in it match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The query's words as LIKE patterns (see escapeLike). */
export function searchPatterns(query: string): string[] {
  const words = searchable(query).split(/\s+/u).filter((w) => w !== '');
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS).map((w) => `%${escapeLike(w)}%`);
}
