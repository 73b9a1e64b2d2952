import { foldForSearch } from '../searchText.ts';

/**
 * What a class list's columns can give a student (F18). `community` is not
 * among them on purpose: special-category data is recorded one child at a
 * time, with the family's consent, never in bulk from a file.
 */
export const ROSTER_FIELDS = [
  'givenName',
  'familyName',
  'sex',
  'dateOfBirth',
  'grade',
  'className',
  'school',
  'rural',
  'guardianName',
  'guardianPhone',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** For each field, the index of the column it is read from, or null when the file has none. */
export type RosterMapping = Record<RosterField, number | null>;

export const EMPTY_MAPPING: RosterMapping = Object.fromEntries(ROSTER_FIELDS.map((field) => [field, null])) as Record<
  RosterField,
  null
>;

/**
 * Header words, folded (foldForSearch: any script, no diacritics, lower case),
 * matched as the start of a header word so inflected forms count too
 * ("prindit", "roditelja"). Albanian, Serbian in both scripts and English,
 * with the spellings spreadsheets and school registers use.
 */
const GUARDIAN_WORDS = [
  'prind',
  'kujdestar',
  'roditel',
  'staratel',
  'majk',
  'otac',
  'guardian',
  'parent',
  'mother',
  'father',
  'nena',
];
const PHONE_WORDS = ['telefon', 'tel', 'phone', 'mobil', 'mob', 'celular', 'kontakt', 'contact'];
const FIELD_WORDS: Readonly<Record<Exclude<RosterField, 'guardianName' | 'guardianPhone'>, readonly string[]>> = {
  familyName: ['mbiemr', 'mbiemer', 'prezim', 'surname', 'lastname', 'last name', 'family name', 'familyname'],
  givenName: ['emri', 'emer', 'ime', 'given', 'first name', 'firstname', 'forename', 'givenname'],
  sex: ['gjini', 'pol', 'spol', 'sex', 'gender', 'm f', 'm z', 'm zh'],
  dateOfBirth: ['datelind', 'ditelind', 'lindj', 'lindur', 'rodenj', 'roden', 'birth', 'dob', 'born'],
  grade: ['klas', 'razred', 'grade', 'year'],
  className: ['paralel', 'odelj', 'odjelj', 'odel', 'class', 'section', 'homeroom'],
  school: ['shkoll', 'skol', 'school'],
  // Not "Fshati" or "Selo" alone: such a column names the village, not whether it is rural.
  rural: ['rural', 'urban', 'zona', 'seosk', 'podrucj', 'area'],
};
/** Checked in this order: "Emri i shkollës" is the school, "Year of birth" a date, not a given name or a grade. */
const FIELD_ORDER = ['school', 'familyName', 'givenName', 'sex', 'dateOfBirth', 'className', 'grade', 'rural'] as const;

function hasWord(words: readonly string[], pattern: string): boolean {
  // Folded as the header is ("lindjes" becomes "lindes": dj is folded to d).
  const parts = foldForSearch(pattern).split(' ');
  return words.some((_, start) => parts.every((part, offset) => words[start + offset]?.startsWith(part) === true));
}

const hasAny = (words: readonly string[], patterns: readonly string[]) => patterns.some((p) => hasWord(words, p));

/** The field a column's header names, or null when it names none (or two, as "Ime i prezime" does). */
export function fieldOfHeader(header: string): RosterField | null {
  const words = foldForSearch(header).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  if (hasAny(words, PHONE_WORDS)) return 'guardianPhone';
  if (hasAny(words, GUARDIAN_WORDS)) return 'guardianName';
  const named = FIELD_ORDER.filter((field) => hasAny(words, FIELD_WORDS[field]));
  // "Emri dhe mbiemri" in one column: the names cannot be told apart, so the user maps them.
  if (named.includes('familyName') && named.includes('givenName')) return null;
  // "Klasa / paralelja": a class name such as 7/2 carries the grade too.
  if (named.includes('className') && named.includes('grade')) return 'className';
  return named[0] ?? null;
}

/** The first column that names each field; a field named by two columns takes the first. */
export function guessMapping(header: readonly string[]): RosterMapping {
  const mapping: RosterMapping = { ...EMPTY_MAPPING };
  header.forEach((name, column) => {
    const field = fieldOfHeader(name);
    if (field !== null && mapping[field] === null) mapping[field] = column;
  });
  return mapping;
}

/** How many fields a header row names: a title line above the header names none. */
export function namedFieldCount(row: readonly string[]): number {
  return new Set(row.map(fieldOfHeader).filter((field) => field !== null)).size;
}

/**
 * Fields that must come from the file. The grade may come from the class
 * name (7/2 is grade 7) or, for a teacher importing their own class, from
 * that class.
 */
export function requiredFields(mapping: RosterMapping, placeHasClass: boolean): RosterField[] {
  const required: RosterField[] = ['givenName', 'familyName', 'sex', 'dateOfBirth'];
  if (!placeHasClass && mapping.className === null) required.push('grade');
  return required;
}

export type MappingProblem = { field: RosterField; code: 'required' } | { field: RosterField; code: 'usedTwice' };

/** Each required field unmapped, and each field reading a column another field already reads. */
export function mappingProblems(mapping: RosterMapping, placeHasClass: boolean): MappingProblem[] {
  const problems: MappingProblem[] = requiredFields(mapping, placeHasClass)
    .filter((field) => mapping[field] === null)
    .map((field) => ({ field, code: 'required' }));
  const seen = new Set<number>();
  for (const field of ROSTER_FIELDS) {
    const column = mapping[field];
    if (column === null) continue;
    if (seen.has(column)) problems.push({ field, code: 'usedTwice' });
    seen.add(column);
  }
  return problems;
}
