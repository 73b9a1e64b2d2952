import { classKeyOf, type RecordKeys } from '../domain/accessScope.ts';
import type { CaseRow } from './caseworkRecords.ts';
import type { ConflictRow, StudentRecord, UraDatabase } from './UraDatabase.ts';

/** The device tables that hold child data, each with the record type it holds. */
export const SCOPED_TABLES = {
  students: 'student',
  cases: 'case',
  caseEvents: 'caseEvent',
  screenings: 'screening',
  homeVisits: 'homeVisit',
  planActions: 'planAction',
  referrals: 'referral',
  conflicts: 'conflict',
} as const;
export type ScopedTable = keyof typeof SCOPED_TABLES;

/** Tables whose rows belong where their parent does: a case's (caseId) or a student's (studentId). */
export const CHILD_TABLES = {
  caseEvents: 'caseId',
  homeVisits: 'caseId',
  planActions: 'caseId',
  referrals: 'caseId',
  screenings: 'studentId',
} as const;
export type ChildTable = keyof typeof CHILD_TABLES;

/**
 * The records everything else hangs on, read whole (one read per table: ten
 * thousand small rows), with where each belongs — worked out as the server's
 * record_scope does: a student by its school and class, a case by its school
 * and its student's class.
 */
export interface LocalParents {
  students: StudentRecord[];
  cases: CaseRow[];
  conflicts: ConflictRow[];
  studentKeys: Map<string, RecordKeys>;
  caseKeys: Map<string, RecordKeys>;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Keys of a record whose parent is not on the device: nothing says where it belongs, beyond its own ids. */
export function unknownKeys(entity: string, over: Partial<RecordKeys> = {}): RecordKeys {
  return { entity, schoolId: null, classKey: null, studentId: null, caseId: null, ...over };
}

function studentKeysOf(student: StudentRecord): RecordKeys {
  // A student pulled across two pages may briefly lack fields.
  const grade: unknown = student.grade;
  const className: unknown = student.className;
  return {
    entity: 'student',
    schoolId: text(student.schoolId),
    classKey: typeof grade === 'number' && typeof className === 'string' ? classKeyOf(grade, className) : null,
    studentId: student.id,
    caseId: null,
  };
}

export async function readLocalParents(db: UraDatabase): Promise<LocalParents> {
  const [students, cases, conflicts] = await Promise.all([
    db.students.toArray(),
    db.cases.toArray(),
    db.conflicts.toArray(),
  ]);
  const studentKeys = new Map(students.map((student) => [student.id, studentKeysOf(student)]));
  const caseKeys = new Map<string, RecordKeys>();
  for (const record of cases) {
    const studentId = text(record.studentId);
    const student = studentId === null ? undefined : studentKeys.get(studentId);
    caseKeys.set(record.id, {
      entity: 'case',
      schoolId: text(record.schoolId),
      classKey: student?.classKey ?? null,
      studentId,
      caseId: record.id,
    });
  }
  return { students, cases, conflicts, studentKeys, caseKeys };
}

/** Where a row of a child table belongs: its parent's keys under its own record type. */
export function childKeys(parents: LocalParents, table: ChildTable, parentId: unknown): RecordKeys {
  const entity = SCOPED_TABLES[table];
  const id = text(parentId);
  const isCaseChild = CHILD_TABLES[table] === 'caseId';
  const parent = id === null ? undefined : (isCaseChild ? parents.caseKeys : parents.studentKeys).get(id);
  if (parent) return { ...parent, entity, caseId: isCaseChild ? parent.caseId : null };
  return unknownKeys(entity, isCaseChild ? { caseId: id } : { studentId: id });
}

/** A clash belongs where the record it is about does. */
export function conflictKeys(parents: LocalParents, conflict: ConflictRow, recordKeys?: RecordKeys): RecordKeys {
  const about =
    recordKeys ??
    (conflict.recordEntity === 'student'
      ? parents.studentKeys.get(conflict.recordId)
      : conflict.recordEntity === 'case'
        ? parents.caseKeys.get(conflict.recordId)
        : undefined);
  return about ? { ...about, entity: 'conflict' } : unknownKeys('conflict');
}
