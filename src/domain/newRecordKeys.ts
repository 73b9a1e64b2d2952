/**
 * Where a record belongs, worked out on the phone as the server's keysOf
 * (src/server/sync/recordKeys.ts) works it out, so the screens can ask
 * canWrite the same question the server will ask of the push: a student by
 * its school and class; a case by its school, its student's class and its
 * student; a visit, plan action, referral or status event by its case; a
 * screening by its student; a clash by the record it is about.
 */
import { classKeyOf, isSensitiveField, type RecordKeys } from './accessScope.ts';

/** Record types that hang on a case and take its keys. */
export type CaseChildEntity = 'caseEvent' | 'homeVisit' | 'planAction' | 'referral';

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function noKeys(entity: string, over: Partial<RecordKeys> = {}): RecordKeys {
  return { entity, schoolId: null, classKey: null, studentId: null, caseId: null, ...over };
}

/** A student's keys from its own fields; `studentId` null for one not made yet. */
export function studentKeysOf(
  studentId: string | null,
  fields: { schoolId?: unknown; grade?: unknown; className?: unknown },
): RecordKeys {
  const { grade, className } = fields;
  return {
    entity: 'student',
    schoolId: text(fields.schoolId),
    classKey: typeof grade === 'number' && typeof className === 'string' ? classKeyOf(grade, className) : null,
    studentId,
    caseId: null,
  };
}

/** A case's keys: its own school, and the class of its student (when the student is on the phone). */
export function caseKeysOf(
  caseId: string | null,
  fields: { schoolId?: unknown; studentId?: unknown },
  student: RecordKeys | undefined,
): RecordKeys {
  return {
    entity: 'case',
    schoolId: text(fields.schoolId),
    classKey: student?.classKey ?? null,
    studentId: text(fields.studentId),
    caseId,
  };
}

/**
 * A new case flagged for a student: the school is the student's (createCase
 * takes it from there), the class too. The id may be unknown yet (null).
 */
export function newCaseKeys(student: RecordKeys, caseId: string | null = null): RecordKeys {
  return {
    entity: 'case',
    schoolId: student.schoolId,
    classKey: student.classKey,
    studentId: student.studentId,
    caseId,
  };
}

/** A visit, plan action, referral or status event of a case: the case's keys under its own type. */
export function caseChildKeys(entity: CaseChildEntity, caseId: string, parent: RecordKeys | undefined): RecordKeys {
  return parent ? { ...parent, entity, caseId } : noKeys(entity, { caseId });
}

/** A screening of a student: the student's keys, with no case. */
export function screeningKeysOf(studentId: string, student: RecordKeys | undefined): RecordKeys {
  return student ? { ...student, entity: 'screening', studentId, caseId: null } : noKeys('screening', { studentId });
}

/**
 * A clash belongs where the record it is about does, without the class when
 * it is about a sensitive field (its values are special-category data).
 */
export function clashKeysOf(about: RecordKeys | undefined, field: string): RecordKeys {
  if (about === undefined) return noKeys('conflict');
  const sensitive = isSensitiveField(about.entity, field);
  return { ...about, entity: 'conflict', classKey: sensitive ? null : about.classKey };
}

/** Whether two sets of keys put a record in the same place (a write that moves it must be allowed on both sides). */
export function samePlace(a: RecordKeys, b: RecordKeys): boolean {
  return a.schoolId === b.schoolId && a.classKey === b.classKey && a.studentId === b.studentId && a.caseId === b.caseId;
}

/**
 * The keys of a record a case shows a clash about: the case itself, its
 * student, or one of its plan actions or referrals (conflictRepository's
 * loadCaseConflicts lists no others). Undefined for any other record type.
 */
export function caseRecordKeys(
  entity: string,
  keys: { caseKeys: RecordKeys; studentKeys: RecordKeys | undefined },
): RecordKeys | undefined {
  if (entity === 'case') return keys.caseKeys;
  if (entity === 'student') return keys.studentKeys;
  if (entity === 'planAction' || entity === 'referral') {
    return caseChildKeys(entity, keys.caseKeys.caseId ?? '', keys.caseKeys);
  }
  return undefined;
}
