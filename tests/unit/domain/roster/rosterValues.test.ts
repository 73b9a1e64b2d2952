import { describe, expect, it } from 'vitest';
import {
  gradeOfClassName,
  parseRosterDate,
  parseRosterGrade,
  parseRosterRural,
  parseRosterSex,
} from '../../../../src/domain/roster/rosterValues.ts';

describe('parseRosterDate', () => {
  it('reads dates as the region writes them', () => {
    expect(parseRosterDate('05.03.2014')).toBe('2014-03-05');
    expect(parseRosterDate('5.3.2014')).toBe('2014-03-05');
    expect(parseRosterDate('05.03.2014.')).toBe('2014-03-05');
    expect(parseRosterDate('5. 3. 2014.')).toBe('2014-03-05');
    expect(parseRosterDate('05/03/2014')).toBe('2014-03-05');
    expect(parseRosterDate('05-03-2014')).toBe('2014-03-05');
    expect(parseRosterDate('2014-03-05')).toBe('2014-03-05');
    expect(parseRosterDate(' 2014-3-5 ')).toBe('2014-03-05');
  });

  it('keeps an impossible day as written, for the validation to refuse', () => {
    expect(parseRosterDate('31.02.2014')).toBe('2014-02-31');
  });

  it('refuses two-digit years, words and other orders', () => {
    for (const text of ['05.03.14', 'March 5, 2014', '2014/03/05', '5 mars 2014', '', '05.03', '41702']) {
      expect(parseRosterDate(text)).toBeNull();
    }
  });
});

describe('parseRosterSex', () => {
  it('reads the four languages, any case, with or without diacritics', () => {
    for (const male of ['M', 'm', 'Mashkull', 'djalë', 'Muški', 'muski', 'М', 'Мушки', 'male', 'Boy']) {
      expect(parseRosterSex(male)).toBe('male');
    }
    for (const female of ['F', 'Femër', 'femer', 'vajzë', 'Ž', 'Z', 'Ženski', 'zenski', 'Ж', 'Женски', 'female']) {
      expect(parseRosterSex(female)).toBe('female');
    }
    expect(parseRosterSex('djevojčica')).toBe('female');
    expect(parseRosterSex('Девојчица')).toBe('female');
  });

  it('knows nothing else', () => {
    for (const text of ['', 'x', 'MF', 'other', '1']) expect(parseRosterSex(text)).toBeNull();
  });
});

describe('parseRosterGrade and gradeOfClassName', () => {
  it('reads numbers, Roman numerals and grade words', () => {
    expect(parseRosterGrade('7')).toBe(7);
    expect(parseRosterGrade('7.')).toBe(7);
    expect(parseRosterGrade('VII')).toBe(7);
    expect(parseRosterGrade('vii razred')).toBe(7);
    expect(parseRosterGrade('Klasa 7')).toBe(7);
    expect(parseRosterGrade('VII разред')).toBe(7);
    expect(parseRosterGrade('0')).toBe(0);
    expect(parseRosterGrade('XII')).toBe(12);
    expect(parseRosterGrade('seven')).toBeNull();
    expect(parseRosterGrade('7/2')).toBeNull();
  });

  it('takes the grade from a class name when it starts with one', () => {
    expect(gradeOfClassName('7/2')).toBe(7);
    expect(gradeOfClassName('VII-2')).toBe(7);
    expect(gradeOfClassName('7a')).toBe(7);
    expect(gradeOfClassName('10.1')).toBe(10);
    expect(gradeOfClassName('a')).toBeNull();
    expect(gradeOfClassName('')).toBeNull();
  });
});

describe('parseRosterRural', () => {
  it('reads yes and no in the four languages; empty is no', () => {
    for (const yes of ['Po', 'po', 'Da', 'да', 'yes', 'x', '1', 'rural', 'Fshat', 'Село', '✓']) {
      expect(parseRosterRural(yes)).toBe(true);
    }
    for (const no of ['Jo', 'Ne', 'не', 'no', '0', 'urban', 'Qytet', 'Град', '', '  ']) {
      expect(parseRosterRural(no)).toBe(false);
    }
    expect(parseRosterRural('maybe')).toBeNull();
  });
});
