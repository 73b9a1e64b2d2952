/**
 * Signed-in accounts for the screens' role tests: each role's scope as the
 * server would compute it for the records on the phone (docs/accounts.md).
 */
import { classKeyOf, type Role } from '../../src/domain/accessScope.ts';
import { setWorkerFromAccount } from '../../src/state/workerStore.ts';
import type { DeviceAccount } from '../../src/storage/accountRepository.ts';
import { db } from '../../src/storage/database.ts';
import { seedAccount, type ScopeReach } from './accountUiFixtures.ts';

/** The scope `role` has when its access reaches this student: their school, their class, or a case of theirs. */
export async function reachOf(role: Role, student: { studentId: string; caseId?: string }): Promise<ScopeReach> {
  const record = await db.students.get(student.studentId);
  if (!record) throw new Error('student not on the phone');
  switch (role) {
    case 'schoolTeam':
    case 'principal':
      return { schoolIds: [record.schoolId] };
    case 'teacher':
      return { classes: [{ schoolId: record.schoolId, classKey: classKeyOf(record.grade, record.className) }] };
    case 'mentor':
    case 'coordinator':
    case 'cswLiaison':
      if (student.caseId === undefined) throw new Error(`a ${role} reaches a student only through a case`);
      return { caseIds: [student.caseId], studentIds: [student.studentId] };
    case 'admin':
      return {};
  }
}

/**
 * Signs in a person of `role` whose scope reaches the case (its school, its
 * student's class, or the case itself) and makes them the worker on the
 * phone, as the app does when the account loads.
 */
export async function signInOnCase(role: Role, caseId: string): Promise<DeviceAccount> {
  const record = await db.cases.get(caseId);
  if (!record) throw new Error('case not on the phone');
  const account = await seedAccount([role], await reachOf(role, { studentId: record.studentId, caseId }));
  setWorkerFromAccount(account);
  return account;
}

/** Signs in a person of `role` whose scope reaches the student (a mentor or coordinator through `caseId`). */
export async function signInOnStudent(role: Role, studentId: string, caseId?: string): Promise<DeviceAccount> {
  const account = await seedAccount(
    [role],
    await reachOf(role, caseId === undefined ? { studentId } : { studentId, caseId }),
  );
  setWorkerFromAccount(account);
  return account;
}
