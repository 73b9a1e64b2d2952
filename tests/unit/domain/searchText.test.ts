import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch } from '../../../src/domain/searchText.ts';
import { cyrillicToLatin } from '../../../src/domain/transliterate.ts';

const SERBIAN_CYRILLIC = [...'АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШабвгдђежзијклљмнњопрстћуфхцчџш'];

/** Any grapheme, or one of the characters that folding treats specially. */
const anyOrTrickyCharacter = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.constantFrom('d', 'D', 'j', 'J', 'đ', 'Đ', 'ђ', 'Ђ', 'ѝ', 'ѐ', 'й', 'Љ', 'љ', 'Џ', 'İ', ' ', '-', '\u0301'),
);

function expectAllEquivalent(spellings: readonly string[]): void {
  const folded = spellings.map(foldForSearch);
  expect(new Set(folded).size).toBe(1);
  for (const haystack of spellings) {
    for (const query of spellings) expect(matchesSearch(foldForSearch(haystack), query)).toBe(true);
  }
}

describe('foldForSearch', () => {
  it('folds Cyrillic and Latin spellings to the same key', () => {
    expect(foldForSearch('Јовановић')).toBe('jovanovic');
    expectAllEquivalent(['Јовановић', 'Jovanović', 'jovanovic', 'JOVANOVIC']);
  });

  it('drops Albanian diacritics', () => {
    expect(foldForSearch('Gjakovë')).toBe('gjakove');
    expectAllEquivalent(['Gjakovë', 'gjakove', 'Gjakove']);
    expectAllEquivalent(['Çaglavica', 'caglavica']);
  });

  it('treats đ, dj and d as the same letter', () => {
    expect(foldForSearch('Đorđe')).toBe('dorde');
    expectAllEquivalent(['Ђорђе', 'Đorđe', 'Djordje', 'dorde', 'DJORDJE']);
  });

  it('folds the other Serbian letters with diacritics or digraphs', () => {
    expectAllEquivalent(['Ћирић', 'Ćirić', 'ciric']);
    expectAllEquivalent(['Чолић', 'Čolić', 'colic']);
    expectAllEquivalent(['Џаферовић', 'Džaferović', 'dzaferovic']);
    expectAllEquivalent(['Љиљана', 'Ljiljana', 'LJILJANA']);
    expectAllEquivalent(['Њего', 'Njego', 'NJEGO']);
    expectAllEquivalent(['Жижа Шљивић', 'Žiža Šljivić', 'ziza sljivic']);
  });

  it('turns punctuation and runs of spaces into single spaces', () => {
    expect(foldForSearch('  Ana-Marija   O’Brien ')).toBe('ana marija o brien');
  });

  it('keeps different names apart', () => {
    expect(foldForSearch('Petrović')).not.toBe(foldForSearch('Petković'));
  });

  it('is idempotent on inputs that once folded twice differently', () => {
    for (const text of ['djj', 'Ѝ', 'ѐ', 'Ђј']) expect(foldForSearch(foldForSearch(text))).toBe(foldForSearch(text));
    expect(foldForSearch('ѝ')).toBe('i');
  });

  it('is idempotent for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyOrTrickyCharacter, maxLength: 30 }), (text) => {
        expect(foldForSearch(foldForSearch(text))).toBe(foldForSearch(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives Serbian Cyrillic the same key as its Latin transliteration', () => {
    const cyrillicText = fc.string({ unit: fc.constantFrom(...SERBIAN_CYRILLIC, ' '), maxLength: 30 });
    fc.assert(
      fc.property(cyrillicText, (text) => {
        expect(foldForSearch(text)).toBe(foldForSearch(cyrillicToLatin(text)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('matchesSearch', () => {
  const marko = foldForSearch('Marko Jovanović');

  it('matches word prefixes in any order', () => {
    expect(matchesSearch(marko, 'jov mar')).toBe(true);
    expect(matchesSearch(marko, 'Mar')).toBe(true);
    expect(matchesSearch(marko, 'Јов')).toBe(true);
  });

  it('requires every query word to start some name word', () => {
    expect(matchesSearch(marko, 'jov pet')).toBe(false);
    expect(matchesSearch(marko, 'arko')).toBe(false);
  });

  it('matches everything for an empty or blank query', () => {
    expect(matchesSearch(marko, '')).toBe(true);
    expect(matchesSearch(marko, '  - ')).toBe(true);
  });

  it('does not match an unrelated name', () => {
    expect(matchesSearch(marko, 'Krasniqi')).toBe(false);
    expect(matchesSearch(foldForSearch('Arbër Krasniqi'), 'marko')).toBe(false);
  });
});
