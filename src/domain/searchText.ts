import { cyrillicToLatin } from './transliterate.ts';

/**
 * Folds text for search so that the same name matches however it was typed:
 * across Serbian scripts, with or without diacritics, in any case.
 * Јовановић = Jovanović = jovanovic; Gjakovë = gjakove; Đorđe = Djordje = dorde.
 */
export function foldForSearch(text: string): string {
  return (
    // Decompose first too, so precomposed Cyrillic (ѝ, ѐ, й) reaches the transliteration as a base letter.
    cyrillicToLatin(text.normalize('NFD'))
      .toLowerCase()
      // đ has no decomposition in Unicode; people type it as "dj" or "d".
      .replace(/đ/g, 'd')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/dj+/g, 'd')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/**
 * True when every word of the query starts some word of the folded haystack,
 * so "jov mar" finds "Marko Jovanović". `haystack` must already be folded.
 */
export function matchesSearch(foldedHaystack: string, query: string): boolean {
  const terms = foldForSearch(query).split(' ').filter(Boolean);
  if (terms.length === 0) return true;
  const words = foldedHaystack.split(' ');
  return terms.every((term) => words.some((word) => word.startsWith(term)));
}
