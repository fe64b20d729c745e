/** Characters with a meaning in Lucene's query syntax. */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export const escapeLucene = (text: string) => text.replace(SPECIAL, (c) => `\\${c}`);

/**
 * Turns what a person typed into a full-text query: every word must match, as itself
 * (boosted), as a prefix (type-ahead) or within an edit or two (typos). The words are
 * escaped, so a name such as "AT&T (US)" or "C++ Fund: Inc." cannot break the query.
 */
export function luceneQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(SPECIAL, ' ').trim())
    .flatMap((w) => w.split(' '))
    .filter(Boolean)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const escaped = escapeLucene(word.toLowerCase());
      const fuzzy = word.length >= 4 ? ` OR ${escaped}~${word.length >= 7 ? 2 : 1}` : '';
      return `(${escaped}^3 OR ${escaped}*${fuzzy})`;
    })
    .join(' AND ');
}
