import { foldForSearch } from '../searchText.ts';
import type { StudentDraft } from '../student.ts';
import type { RosterField, RosterMapping } from './rosterFields.ts';
import type { RosterRecord } from './rosterFile.ts';
import {
  gradeOfClassName,
  parseRosterDate,
  parseRosterGrade,
  parseRosterRural,
  parseRosterSex,
} from './rosterValues.ts';

/** Where the rows go: the school the user chose and, for a teacher, their class. */
export interface RosterPlace {
  schoolId: string;
  /** Every form of the school's name (each language and script): a school column may use any of them. */
  schoolNames: readonly string[];
  /** A teacher's class: rows without a grade or class of their own go there. */
  classOf: { grade: number; className: string } | null;
}

/**
 * A problem with one cell of a row. `code` is a student validation code
 * (students:validation.<code>) or one of the import's own: `unknownSchool`,
 * `outsideClass`, `unrecognised` (a value none of the four languages' words
 * match; `value` says what was written).
 */
export interface RowProblem {
  field: RosterField;
  code: string;
  value?: string;
}

export interface RowDraft {
  draft: StudentDraft;
  problems: RowProblem[];
}

function folded(names: readonly string[]): Set<string> {
  return new Set(names.map(foldForSearch));
}

/**
 * Turns one row into what the student form would hold: dates, sex, grade and
 * the rural flag read as the region writes them; anything not understood is
 * kept as written and named as a problem of its cell.
 */
export function rowDraftMaker(mapping: RosterMapping, place: RosterPlace): (record: RosterRecord) => RowDraft {
  const schoolForms = folded([...place.schoolNames, place.schoolId]);
  return (record) => {
    const problems: RowProblem[] = [];
    const cell = (field: RosterField): string => {
      const column = mapping[field];
      return column === null ? '' : (record.cells[column] ?? '').trim();
    };
    const unrecognised = (field: RosterField, value: string) => problems.push({ field, code: 'unrecognised', value });

    const sexText = cell('sex');
    const sex = sexText === '' ? '' : parseRosterSex(sexText);
    if (sex === null) unrecognised('sex', sexText);

    const dateText = cell('dateOfBirth');
    const dateOfBirth = dateText === '' ? '' : parseRosterDate(dateText);
    if (dateOfBirth === null) unrecognised('dateOfBirth', dateText);

    const className = cell('className') || (place.classOf?.className ?? '');
    const gradeText = cell('grade');
    let grade: number | null = gradeText === '' ? null : parseRosterGrade(gradeText);
    if (gradeText !== '' && grade === null) unrecognised('grade', gradeText);
    else if (gradeText === '') grade = gradeOfClassName(cell('className')) ?? place.classOf?.grade ?? null;

    const ruralText = cell('rural');
    const rural = parseRosterRural(ruralText);
    if (rural === null) unrecognised('rural', ruralText);

    const schoolText = cell('school');
    if (schoolText !== '' && !schoolForms.has(foldForSearch(schoolText))) {
      problems.push({ field: 'school', code: 'unknownSchool', value: schoolText });
    }

    const draft: StudentDraft = {
      givenName: cell('givenName'),
      familyName: cell('familyName'),
      sex: sex ?? sexText,
      dateOfBirth: dateOfBirth ?? dateText,
      schoolId: place.schoolId,
      grade: grade === null ? gradeText : String(grade),
      className,
      community: '',
      rural: rural ?? false,
      guardianName: cell('guardianName'),
      guardianPhone: cell('guardianPhone'),
    };
    return { draft, problems };
  };
}
