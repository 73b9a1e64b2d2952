import { EMPTY_SCOPE, type AccessScope } from '../../domain/accessScope.ts';
import { caseKeysOf } from '../../domain/newRecordKeys.ts';
import {
  caseRights,
  placesFor,
  studentRights,
  type CaseRights,
  type Place,
  type StudentRights,
} from '../../domain/writeRights.ts';
import { db } from '../../storage/database.ts';
import { readCaseKeys, readStudentKeys, readStudentKeysOf, type CaseKeys } from '../../storage/recordKeysQuery.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { useDeviceAccount } from './useDeviceAccount.ts';

/**
 * The signed-in person's access scope: undefined while it loads, and the
 * empty scope (no rights at all) when nobody is signed in. Screens wait for
 * it rather than show, for a moment, an action the role cannot take.
 */
export function useAccessScope(): AccessScope | undefined {
  const account = useDeviceAccount();
  return account === undefined ? undefined : (account?.scope ?? EMPTY_SCOPE);
}

/** A case's keys and its student's, live; null when the case is not on the phone, undefined while loading. */
export function useCaseKeys(caseId: string): CaseKeys | null | undefined {
  const loaded = useLiveQuery(async () => ({ caseId, keys: await readCaseKeys(db, caseId) }), [caseId]);
  // Another case's answer, kept until this one's arrives, must not be taken for this case's.
  return loaded?.caseId === caseId ? loaded.keys : undefined;
}

/** What the signed-in person may do on this case; undefined until both the account and the case are read. */
export function useCaseRights(caseId: string): CaseRights | undefined {
  const scope = useAccessScope();
  const keys = useCaseKeys(caseId);
  if (scope === undefined || keys === undefined) return undefined;
  // A case not on the phone: only its id says where it belongs, as for the server's unknown parent.
  return caseRights(scope, keys?.caseKeys ?? caseKeysOf(caseId, {}, undefined));
}

/** What the signed-in person may do about this student; null when the student is not on the phone. */
export function useStudentRights(studentId: string): StudentRights | null | undefined {
  const scope = useAccessScope();
  const loaded = useLiveQuery(async () => ({ studentId, keys: await readStudentKeys(db, studentId) }), [studentId]);
  if (scope === undefined || loaded?.studentId !== studentId) return undefined;
  return loaded.keys === null ? null : studentRights(scope, loaded.keys);
}

/** Which of these students the signed-in person may open a case for; undefined while loading. */
export function useFlaggableStudents(studentIds: readonly string[]): ReadonlySet<string> | undefined {
  const scope = useAccessScope();
  const idList = studentIds.join(',');
  const loaded = useLiveQuery(
    async () => ({ idList, keys: await readStudentKeysOf(db, idList === '' ? [] : idList.split(',')) }),
    [idList],
  );
  // Until the answer for these ids arrives, the last one (for other ids) stays: it does not count.
  if (scope === undefined || loaded?.idList !== idList) return undefined;
  return new Set([...loaded.keys].filter(([, student]) => studentRights(scope, student).flag).map(([id]) => id));
}

/** Where the signed-in person may register students or screen; undefined while the account loads. */
export function usePlaces(entity: 'student' | 'screening'): Place[] | undefined {
  const scope = useAccessScope();
  return scope === undefined ? undefined : placesFor(scope, entity);
}
