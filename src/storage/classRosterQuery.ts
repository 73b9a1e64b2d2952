import { compareScreeningOrder } from '../domain/riskScreening.ts';
import type { CaseRow, ScreeningRow } from './caseworkRecords.ts';
import type { StudentRecord, UraDatabase } from './UraDatabase.ts';

/**
 * What the class screening screens read: the classes of a school and one
 * class's students with their screenings. Every query reads each table once
 * in bulk (an index lookup over all the class's ids), never once per student,
 * so a class of 25 costs three reads however large it is.
 */

export interface SchoolClass {
  grade: number;
  /** '' when the students of that grade have no class name recorded. */
  className: string;
  size: number;
}

export interface ClassKey {
  schoolId: string;
  grade: number;
  className: string;
}

export interface RosterEntry {
  student: StudentRecord;
  /** The latest screening of the chosen term, if any. */
  termScreening: ScreeningRow | undefined;
  /** The screening before `termScreening`, or the latest one of all when the term has none: what a change is measured from. */
  previousScreening: ScreeningRow | undefined;
  /** The latest screening of all: what a new screening's change of level is measured from. */
  latestScreening: ScreeningRow | undefined;
  /** A case of the student's that is not closed, so the summary links to it instead of opening a second one. */
  activeCaseId: string | undefined;
}

/** Grades and class names among a school's students, in grade then class order. */
export async function classesOfSchool(db: UraDatabase, schoolId: string): Promise<SchoolClass[]> {
  const students = await db.students.where('schoolId').equals(schoolId).toArray();
  const classes = new Map<string, SchoolClass>();
  for (const student of students) {
    const key = `${student.grade}\u0000${student.className}`;
    const found = classes.get(key);
    if (found) found.size += 1;
    else classes.set(key, { grade: student.grade, className: student.className, size: 1 });
  }
  return [...classes.values()].sort((a, b) =>
    a.grade === b.grade ? a.className.localeCompare(b.className, undefined, { numeric: true }) : a.grade - b.grade,
  );
}

function byName(a: StudentRecord, b: StudentRecord): number {
  return a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName) || (a.id < b.id ? -1 : 1);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function entryFor(
  student: StudentRecord,
  screenings: readonly ScreeningRow[],
  cases: readonly CaseRow[],
  term: string,
) {
  const sorted = [...screenings].sort(compareScreeningOrder);
  let termIndex = -1;
  sorted.forEach((screening, index) => {
    if (screening.term === term) termIndex = index;
  });
  const latest = sorted.at(-1);
  const active = cases.filter((record) => record.status !== 'closed').sort((a, b) => (a.id < b.id ? 1 : -1))[0];
  return {
    student,
    termScreening: termIndex >= 0 ? sorted[termIndex] : undefined,
    previousScreening: termIndex >= 0 ? sorted[termIndex - 1] : latest,
    latestScreening: latest,
    activeCaseId: active?.id,
  } satisfies RosterEntry;
}

/** The students of one class, by family name, each with their screenings of `term` and before, and any active case. */
export async function classRoster(db: UraDatabase, key: ClassKey, term: string): Promise<RosterEntry[]> {
  const students = (await db.students.where('schoolId').equals(key.schoolId).toArray())
    .filter((student) => student.grade === key.grade && student.className === key.className)
    .sort(byName);
  const ids = students.map((student) => student.id);
  const [screenings, cases] = await Promise.all([
    db.screenings.where('studentId').anyOf(ids).toArray(),
    db.cases.where('studentId').anyOf(ids).toArray(),
  ]);
  const screeningsOf = groupBy(screenings, (row) => row.studentId);
  const casesOf = groupBy(cases, (row) => row.studentId);
  return students.map((student) =>
    entryFor(student, screeningsOf.get(student.id) ?? [], casesOf.get(student.id) ?? [], term),
  );
}
