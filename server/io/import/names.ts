import { distance } from 'fastest-levenshtein';

/** Legal-form words that say nothing about which organisation is meant. */
const SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'plc',
  'lp',
  'llp',
  'pllc',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'ev',
  'sa',
  'sarl',
  'bv',
  'nv',
  'srl',
  'spa',
  'oy',
  'ab',
  'as',
]);

/**
 * The key under which two spellings are one name: accents, case, punctuation and trailing
 * legal forms ("Inc.", "LLC", "Corp.", "GmbH") dropped, "&" read as "and", a leading "The"
 * ignored. "Meridian Health, Inc." and "meridian health" share a key.
 */
export function nameKey(name: string): string {
  let words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  if (words[0] === 'the' && words.length > 1) words = words.slice(1);
  // Single letters split from "L.L.C." or "S.A." are joined back before the suffix check.
  let letters = 0;
  while (letters < words.length - 1 && words[words.length - 1 - letters]!.length === 1) letters++;
  if (letters >= 2) words = [...words.slice(0, -letters), words.slice(-letters).join('')];
  while (words.length > 1 && SUFFIXES.has(words.at(-1)!)) words = words.slice(0, -1);
  return words.join(' ');
}

/** Similarity of two name keys from 0 to 1 (edit distance over the longer length). */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

export const FUZZY_THRESHOLD = 0.8;
