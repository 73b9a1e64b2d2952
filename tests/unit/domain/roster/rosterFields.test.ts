import { describe, expect, it } from 'vitest';
import {
  EMPTY_MAPPING,
  fieldOfHeader,
  guessMapping,
  mappingProblems,
  namedFieldCount,
  type RosterMapping,
} from '../../../../src/domain/roster/rosterFields.ts';

/** The mapping as field → header text, easier to read than column numbers. */
function guessedHeaders(header: string[]): Partial<Record<keyof RosterMapping, string>> {
  const mapping = guessMapping(header);
  return Object.fromEntries(
    Object.entries(mapping)
      .filter(([, column]) => column !== null)
      .map(([field, column]) => [field, header[column as number]]),
  );
}

describe('guessMapping', () => {
  it('reads an Albanian school register, with diacritics and without', () => {
    const header = ['Nr.', 'Emri', 'Mbiemri', 'Gjinia', 'Datëlindja', 'Klasa', 'Paralelja', 'Emri i prindit', 'Tel.'];
    expect(guessedHeaders(header)).toEqual({
      givenName: 'Emri',
      familyName: 'Mbiemri',
      sex: 'Gjinia',
      dateOfBirth: 'Datëlindja',
      grade: 'Klasa',
      className: 'Paralelja',
      guardianName: 'Emri i prindit',
      guardianPhone: 'Tel.',
    });
    expect(guessedHeaders(['EMRI', 'MBIEMRI', 'GJINIA', 'DATELINDJA', 'SHKOLLA', 'ZONA RURALE'])).toEqual({
      givenName: 'EMRI',
      familyName: 'MBIEMRI',
      sex: 'GJINIA',
      dateOfBirth: 'DATELINDJA',
      school: 'SHKOLLA',
      rural: 'ZONA RURALE',
    });
    expect(fieldOfHeader('Data e lindjes')).toBe('dateOfBirth');
    expect(fieldOfHeader('Telefoni i prindit')).toBe('guardianPhone');
    expect(fieldOfHeader('Emri i shkollës')).toBe('school');
  });

  it('reads a Serbian register in Latin script', () => {
    const header = [
      'R.br.',
      'Ime',
      'Prezime',
      'Pol',
      'Datum rođenja',
      'Razred',
      'Odeljenje',
      'Ime roditelja',
      'Telefon',
    ];
    expect(guessedHeaders(header)).toEqual({
      givenName: 'Ime',
      familyName: 'Prezime',
      sex: 'Pol',
      dateOfBirth: 'Datum rođenja',
      grade: 'Razred',
      className: 'Odeljenje',
      guardianName: 'Ime roditelja',
      guardianPhone: 'Telefon',
    });
    expect(fieldOfHeader('Datum rodjenja')).toBe('dateOfBirth');
    expect(fieldOfHeader('Odjeljenje')).toBe('className');
    expect(fieldOfHeader('Škola')).toBe('school');
  });

  it('reads a Serbian register in Cyrillic', () => {
    const header = ['Р.бр.', 'Име', 'Презиме', 'Пол', 'Датум рођења', 'Разред', 'Одељење', 'Родитељ', 'Телефон'];
    expect(guessedHeaders(header)).toEqual({
      givenName: 'Име',
      familyName: 'Презиме',
      sex: 'Пол',
      dateOfBirth: 'Датум рођења',
      grade: 'Разред',
      className: 'Одељење',
      guardianName: 'Родитељ',
      guardianPhone: 'Телефон',
    });
    expect(fieldOfHeader('Школа')).toBe('school');
  });

  it('reads English spreadsheet spellings', () => {
    expect(
      guessedHeaders(['First name', 'Surname', 'Gender', 'Date of birth', 'Grade', 'Class', 'Guardian', 'Phone']),
    ).toEqual({
      givenName: 'First name',
      familyName: 'Surname',
      sex: 'Gender',
      dateOfBirth: 'Date of birth',
      grade: 'Grade',
      className: 'Class',
      guardianName: 'Guardian',
      guardianPhone: 'Phone',
    });
    expect(guessedHeaders(['Given name', 'Last name', 'Sex', 'DOB', 'Rural'])).toEqual({
      givenName: 'Given name',
      familyName: 'Last name',
      sex: 'Sex',
      dateOfBirth: 'DOB',
      rural: 'Rural',
    });
    expect(fieldOfHeader("Parent's phone")).toBe('guardianPhone');
    expect(fieldOfHeader('M/F')).toBe('sex');
    expect(fieldOfHeader('M/Ž')).toBe('sex');
  });

  it('leaves a one-column full name, unknown columns and repeats for the user to map', () => {
    expect(fieldOfHeader('Ime i prezime')).toBeNull();
    expect(fieldOfHeader('Emri dhe mbiemri')).toBeNull();
    expect(fieldOfHeader('Adresa')).toBeNull();
    expect(fieldOfHeader('')).toBeNull();
    // A column naming a village is not a yes/no answer.
    expect(fieldOfHeader('Fshati')).toBeNull();
    expect(fieldOfHeader('Razred/odeljenje')).toBe('className');
    expect(guessMapping(['Emri', 'Emri', 'Mbiemri'])).toMatchObject({ givenName: 0, familyName: 2 });
  });

  it('counts the fields a row names, so a title line above the header names none', () => {
    expect(namedFieldCount(['Lista e nxënësve 2026/27', '', ''])).toBe(0);
    expect(namedFieldCount(['Emri', 'Mbiemri', 'Mbiemri'])).toBe(2);
  });
});

describe('mappingProblems', () => {
  const complete: RosterMapping = { ...EMPTY_MAPPING, givenName: 0, familyName: 1, sex: 2, dateOfBirth: 3, grade: 4 };

  it('needs the names, sex and date of birth, and the grade unless a class name or the place gives it', () => {
    expect(mappingProblems(complete, false)).toEqual([]);
    expect(mappingProblems({ ...EMPTY_MAPPING, givenName: 0 }, false)).toEqual([
      { field: 'familyName', code: 'required' },
      { field: 'sex', code: 'required' },
      { field: 'dateOfBirth', code: 'required' },
      { field: 'grade', code: 'required' },
    ]);
    expect(mappingProblems({ ...complete, grade: null }, true)).toEqual([]);
    expect(mappingProblems({ ...complete, grade: null, className: 5 }, false)).toEqual([]);
  });

  it('refuses one column read as two fields', () => {
    expect(mappingProblems({ ...complete, guardianName: 1 }, false)).toEqual([
      { field: 'guardianName', code: 'usedTwice' },
    ]);
  });
});
