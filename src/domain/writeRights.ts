/**
 * What the signed-in person may do on a screen, asked of the same rules the
 * server enforces on every push (accessScope.ts: canWrite, hiddenFields). A
 * write the role may not make would wait in the outbox, perhaps for days
 * without signal, and then be refused as `forbidden`; the screens offer only
 * what these answer yes to.
 */
import { canRead, canWrite, hiddenFields, type AccessScope, type RecordKeys, type WriteOp } from './accessScope.ts';
import { caseChildKeys, clashKeysOf, newCaseKeys, samePlace, screeningKeysOf, studentKeysOf } from './newRecordKeys.ts';
import { changedFields, type StudentFields } from './student.ts';

/**
 * canWrite, and no field the user may not see — as the server's push check:
 * a new record may carry a hidden field only empty ('' = not recorded).
 */
export function mayWriteFields(
  scope: AccessScope,
  op: WriteOp,
  keys: RecordKeys,
  fields: Readonly<Record<string, unknown>>,
): boolean {
  if (!canWrite(scope, op, keys)) return false;
  const hidden = hiddenFields(scope, keys);
  return !hidden.some((field) => fields[field] !== undefined && !(op === 'create' && fields[field] === ''));
}

/** The work on one case a role may do (and see, where seeing decides whether a screen leads anywhere). */
export interface CaseRights {
  /** Move the case along the workflow: a set of the case and a new status event. */
  moveOn: boolean;
  /** Record a plan review or change the case manager: a set of the case. */
  changeCase: boolean;
  /** A new home-visit note, or a correction (also a new note). */
  recordVisit: boolean;
  seePlan: boolean;
  addPlanAction: boolean;
  /** Move a plan action to another status, or edit its details. */
  changePlanAction: boolean;
  seeReferrals: boolean;
  /** Hand the case over or refer it. */
  refer: boolean;
  /** Accept or decline a referral of the case (the screen also asks whether it was sent to this role). */
  answerReferral: boolean;
}

/** `caseKeys`: the case's keys (caseKeysOf), or unknown keys naming only its id when it is not on the phone. */
export function caseRights(scope: AccessScope, caseKeys: RecordKeys): CaseRights {
  const caseId = caseKeys.caseId ?? '';
  const child = (entity: Parameters<typeof caseChildKeys>[0]) => caseChildKeys(entity, caseId, caseKeys);
  const changeCase = canWrite(scope, 'set', caseKeys);
  return {
    moveOn: changeCase && canWrite(scope, 'create', child('caseEvent')),
    changeCase,
    recordVisit: canWrite(scope, 'create', child('homeVisit')),
    seePlan: canRead(scope, child('planAction')),
    addPlanAction: canWrite(scope, 'create', child('planAction')),
    changePlanAction: canWrite(scope, 'set', child('planAction')),
    seeReferrals: canRead(scope, child('referral')),
    refer: canWrite(scope, 'create', child('referral')),
    answerReferral: canWrite(scope, 'set', child('referral')),
  };
}

/** What a role may do about one student. */
export interface StudentRights {
  /** Change the student's record (where it stays; a move is checked by mayStoreStudent). */
  edit: boolean;
  /** Flag a new concern: a new case for the student. */
  flag: boolean;
  /** Record a screening of the student. */
  screen: boolean;
  /** See (and so set) the special-category field `community`. */
  seeCommunity: boolean;
}

export function studentRights(scope: AccessScope, student: RecordKeys): StudentRights {
  return {
    edit: canWrite(scope, 'set', student),
    flag: canWrite(scope, 'create', newCaseKeys(student)),
    screen: student.studentId !== null && canWrite(scope, 'create', screeningKeysOf(student.studentId, student)),
    seeCommunity: hiddenFields(scope, student).length === 0,
  };
}

/**
 * Whether saving the student form would be accepted: a new student where
 * it is placed; an edit only of fields that changed, allowed where the
 * student is and — when the school or class changes — where it goes.
 */
export function mayStoreStudent(
  scope: AccessScope,
  stored: { id: string; fields: StudentFields } | null,
  next: StudentFields,
): boolean {
  if (stored === null) return mayWriteFields(scope, 'create', studentKeysOf(null, next), { ...next });
  const changes = changedFields(stored.fields, next);
  const before = studentKeysOf(stored.id, stored.fields);
  const after = studentKeysOf(stored.id, { ...stored.fields, ...changes });
  const sides = samePlace(before, after) ? [after] : [before, after];
  return sides.every((keys) => mayWriteFields(scope, 'set', keys, changes));
}

// Where new students and screenings may be made: its own module, so the tab bar needs nothing else from here.
export { mayCreateAt, placesFor, schoolsFor, type Place } from './placeRights.ts';

/** The two choices on a same-field clash: mark it chosen, and (for "the other value") write that value back. */
export interface ClashRights {
  /** Keep the value shown now: a set of the clash record alone. */
  keepShown: boolean;
  /** Bring the replaced value back: also a set of the record's field. */
  restore: boolean;
}

/** `about`: the keys of the record the clash is about (undefined when that record is not on the phone). */
export function clashRights(scope: AccessScope, about: RecordKeys | undefined, field: string): ClashRights {
  const keepShown = canWrite(scope, 'set', clashKeysOf(about, field));
  const restore = keepShown && about !== undefined && mayWriteFields(scope, 'set', about, { [field]: null });
  return { keepShown, restore };
}

/** Whether the role sees (and so may set) a student's special-category fields at this school. */
export function seesSensitiveAt(scope: AccessScope, schoolId: string): boolean {
  return hiddenFields(scope, studentKeysOf(null, { schoolId })).length === 0;
}
