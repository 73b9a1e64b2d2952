import { flagCase, type CaseRecord } from '../../src/domain/caseRecord.ts';
import type { StudentFields } from '../../src/domain/student.ts';
import type { CaseRow } from '../../src/storage/caseworkRecords.ts';
import { refreshCaseIndex } from '../../src/storage/caseIndex.ts';
import { newRecordId } from '../../src/storage/recordWrites.ts';
import { createStudent } from '../../src/storage/studentRepository.ts';
import type { SchoolRecord, UraDatabase } from '../../src/storage/UraDatabase.ts';
import { makeStudentFields } from './clientFixtures.ts';

/** Registers a student at `school` through the repository (record, search key and outbox row). */
export async function seedStudentAt(
  db: UraDatabase,
  school: SchoolRecord,
  fields: Partial<StudentFields> = {},
): Promise<string> {
  return createStudent(db, makeStudentFields({ schoolId: school.id, ...fields }));
}

/**
 * Puts many cases on the device at once, as a pull would, for list tests that
 * need more rows than a screen shows. Each is a flag of `studentId`.
 */
export async function bulkPutCases(
  db: UraDatabase,
  count: number,
  student: { id: string; schoolId: string },
  overrides: Partial<CaseRecord> = {},
): Promise<CaseRow[]> {
  const rows: CaseRow[] = Array.from({ length: count }, () => ({
    ...flagCase({
      id: newRecordId(),
      studentId: student.id,
      schoolId: student.schoolId,
      trigger: 'absence',
      at: '2026-11-02',
    }),
    ...overrides,
    hlcs: {},
  }));
  await db.cases.bulkAdd(rows);
  // As a pull does: the case index follows the cases.
  await refreshCaseIndex(db, { caseIds: rows.map((row) => row.id) });
  return rows;
}
