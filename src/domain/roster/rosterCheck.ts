import type { AccessScope } from '../accessScope.ts';
import { foldForSearch } from '../searchText.ts';
import type { StudentDraft, StudentField, StudentFields } from '../student.ts';
import { validateStudentDraft } from '../studentValidation.ts';
import { mayStoreStudent } from '../writeRights.ts';
import { rowDraftMaker, type RosterPlace, type RowProblem } from './rosterDraft.ts';
import type { RosterField, RosterMapping } from './rosterFields.ts';
import type { RosterRecord } from './rosterFile.ts';

/** A student the import must not register twice: already on the device, or an earlier row of the file. */
export type RosterDuplicate = { of: 'device' } | { of: 'row'; rowNumber: number };

export interface RosterRow {
  rowNumber: number;
  /** What the form would hold, for showing the row. */
  draft: StudentDraft;
  /** The student as it would be saved; null when the row has problems. */
  student: StudentFields | null;
  problems: RowProblem[];
  duplicate: RosterDuplicate | null;
}

/** A student already on the device: its names folded as its search key is (foldForSearch of given and family name). */
export interface KnownStudent {
  searchKey: string;
  dateOfBirth: string;
}

export interface RosterCheckContext {
  mapping: RosterMapping;
  place: RosterPlace;
  scope: AccessScope;
  /** The students already on the device. */
  known: readonly KnownStudent[];
  today: Date;
}

/**
 * The same person however the name was written: any script, with or without
 * diacritics, given and family name in either order (Đorđević Ana =
 * Ana Djordjevic = Ана Ђорђевић), and the same date of birth. Two children of
 * the same name born the same day in one school are rare enough to ask about.
 * `searchKey`: the names folded by foldForSearch, as students keep them.
 */
export function duplicateKey(searchKey: string, dateOfBirth: string): string {
  return `${searchKey.split(' ').filter(Boolean).sort().join(' ')}|${dateOfBirth}`;
}

const ROSTER_FIELD_OF: Partial<Record<StudentField, RosterField>> = {
  givenName: 'givenName',
  familyName: 'familyName',
  sex: 'sex',
  dateOfBirth: 'dateOfBirth',
  schoolId: 'school',
  grade: 'grade',
  className: 'className',
  rural: 'rural',
  guardianName: 'guardianName',
  guardianPhone: 'guardianPhone',
};

/**
 * Checks rows one at a time, in file order, through the student form's own
 * validation and the role's write rights (a teacher only into their class),
 * remembering each row so a later one can be found to repeat it. Returns the
 * function that checks the next row.
 */
export function rosterChecker(context: RosterCheckContext): (record: RosterRecord) => RosterRow {
  const makeDraft = rowDraftMaker(context.mapping, context.place);
  // The device's students come with their folded names: thousands of them are not folded again.
  const onDevice = new Set(context.known.map((student) => duplicateKey(student.searchKey, student.dateOfBirth)));
  const inFile = new Map<string, number>();
  return (record) => {
    const { draft, problems } = makeDraft(record);
    const result = validateStudentDraft(draft, context.today);
    if (!result.ok) {
      for (const [field, code] of Object.entries(result.errors) as [StudentField, string | undefined][]) {
        const rosterField = ROSTER_FIELD_OF[field];
        if (code === undefined || rosterField === undefined) continue;
        if (!problems.some((problem) => problem.field === rosterField)) problems.push({ field: rosterField, code });
      }
    }
    let student = result.ok && problems.length === 0 ? result.value : null;
    if (student !== null && !mayStoreStudent(context.scope, null, student)) {
      problems.push({ field: 'className', code: 'outsideClass' });
      student = null;
    }
    return { rowNumber: record.rowNumber, draft, student, problems, duplicate: duplicateOf(draft, record.rowNumber) };
  };

  function duplicateOf(draft: StudentDraft, rowNumber: number): RosterDuplicate | null {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.dateOfBirth) || draft.givenName === '' || draft.familyName === '')
      return null;
    const key = duplicateKey(foldForSearch(`${draft.givenName} ${draft.familyName}`), draft.dateOfBirth);
    if (onDevice.has(key)) return { of: 'device' };
    const earlier = inFile.get(key);
    if (earlier !== undefined) return { of: 'row', rowNumber: earlier };
    inFile.set(key, rowNumber);
    return null;
  }
}

export interface RosterCounts {
  ready: number;
  withErrors: number;
  duplicates: number;
}

/** Rows to import, rows with errors, and duplicates (without errors), as the preview counts them. */
export function countRows(rows: readonly RosterRow[]): RosterCounts {
  const counts: RosterCounts = { ready: 0, withErrors: 0, duplicates: 0 };
  for (const row of rows) {
    if (row.student === null) counts.withErrors += 1;
    else if (row.duplicate !== null) counts.duplicates += 1;
    else counts.ready += 1;
  }
  return counts;
}

/**
 * The students an import writes: every row without problems that repeats
 * nobody, and the duplicates the user chose to import anyway (by row number).
 */
export function studentsToImport(rows: readonly RosterRow[], anyway: ReadonlySet<number>): StudentFields[] {
  return rows
    .filter((row) => row.duplicate === null || anyway.has(row.rowNumber))
    .flatMap((row) => (row.student === null ? [] : [row.student]));
}
