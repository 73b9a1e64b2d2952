import { casesForStudent } from '../../storage/caseRepository.ts';
import type { CaseRow } from '../../storage/caseworkRecords.ts';
import { db } from '../../storage/database.ts';
import { getStudent } from '../../storage/studentRepository.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import type { SchoolRecord, StudentRecord } from '../../storage/UraDatabase.ts';

export interface FlagContext {
  student: StudentRecord;
  school: SchoolRecord | undefined;
  /** A case of the student that is not closed: the concern belongs there, not in a second case. */
  activeCase: CaseRow | undefined;
  /** The most recently flagged closed case, which could be reopened instead. */
  closedCaseId: string | undefined;
}

/**
 * The student and their cases, live. `ownCaseId` is the case this screen is
 * about to make: once saved it must not be taken for an earlier open case.
 * Undefined while loading, null when the student is not on the device.
 */
export function useFlagContext(studentId: string, ownCaseId: string): FlagContext | null | undefined {
  return useLiveQuery(async () => {
    const student = await getStudent(db, studentId);
    if (!student) return null;
    const [school, cases] = await Promise.all([db.schools.get(student.schoolId), casesForStudent(db, studentId)]);
    const others = cases.filter((row) => row.id !== ownCaseId);
    const closed = others
      .filter((row) => row.status === 'closed')
      .sort((a, b) => (a.flaggedAt === b.flaggedAt ? 0 : a.flaggedAt < b.flaggedAt ? 1 : -1));
    return {
      student,
      school,
      activeCase: others.find((row) => row.status !== 'closed'),
      closedCaseId: closed[0]?.id,
    };
  }, [studentId, ownCaseId]);
}
