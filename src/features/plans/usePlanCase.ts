import type { ProtocolProfile } from '../../domain/protocolProfile.ts';
import { getProfile } from '../../domain/profiles/profiles.ts';
import type { CaseRow } from '../../storage/caseworkRecords.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';

export type PlanCase =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'ready'; caseRow: CaseRow; studentName: string; profile: ProtocolProfile };

/**
 * The case, its student's name and the protocol profile of its school (which
 * decides the interventions on offer). `missing` when the case or its school
 * is not on this phone, e.g. before the first sync.
 */
export function usePlanCase(caseId: string): PlanCase {
  const loaded = useLiveQuery(async () => {
    const caseRow = await db.cases.get(caseId);
    if (!caseRow) return { state: 'missing' } as const;
    const [student, school] = await Promise.all([db.students.get(caseRow.studentId), db.schools.get(caseRow.schoolId)]);
    if (!school) return { state: 'missing' } as const;
    const studentName = student ? `${student.givenName} ${student.familyName}` : '';
    return { state: 'ready', caseRow, studentName, profile: getProfile(school.country) } as const;
  }, [caseId]);
  return loaded ?? { state: 'loading' };
}
