import type { RecordKeys } from '../domain/accessScope.ts';
import { caseKeysOf, studentKeysOf } from '../domain/newRecordKeys.ts';
import type { UraDatabase } from './UraDatabase.ts';

/**
 * Where one student or one case belongs, read from the records on the phone
 * (what the screens ask write rights about). Two or three reads by key,
 * cheap enough for a screen's live query.
 */
export interface CaseKeys {
  caseKeys: RecordKeys;
  /** Undefined when the case's student is not on the phone (yet). */
  studentKeys: RecordKeys | undefined;
}

/** The student's keys, or null when the student is not on the phone. */
export async function readStudentKeys(db: UraDatabase, studentId: string): Promise<RecordKeys | null> {
  const student = await db.students.get(studentId);
  return student ? studentKeysOf(student.id, student) : null;
}

/** The case's keys with its student's, or null when the case is not on the phone. */
export async function readCaseKeys(db: UraDatabase, caseId: string): Promise<CaseKeys | null> {
  const record = await db.cases.get(caseId);
  if (!record) return null;
  // A case pulled across two pages may briefly lack its student.
  const studentId: unknown = record.studentId;
  const student = typeof studentId === 'string' ? await db.students.get(studentId) : undefined;
  const studentKeys = student ? studentKeysOf(student.id, student) : undefined;
  return { caseKeys: caseKeysOf(record.id, record, studentKeys), studentKeys };
}

/** The keys of each of these students the phone holds, by id. */
export async function readStudentKeysOf(
  db: UraDatabase,
  studentIds: readonly string[],
): Promise<Map<string, RecordKeys>> {
  const students = await db.students.bulkGet([...studentIds]);
  return new Map(
    students.flatMap((student) => (student ? [[student.id, studentKeysOf(student.id, student)] as const] : [])),
  );
}
