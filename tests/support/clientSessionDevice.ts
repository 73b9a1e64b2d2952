/**
 * A device holding what pulls would have left on it — two schools, students
 * in two classes, their cases with everything under them, screenings, clashes
 * and drafts — and the sign-ins and scopes of the people who might use it
 * (for the account, scope and wipe tests of src/storage).
 */
import { v7 as uuidv7 } from 'uuid';
import { classKeyOf, EMPTY_SCOPE, type AccessScope } from '../../src/domain/accessScope.ts';
import type { StudentFields } from '../../src/domain/student.ts';
import { applyRemoteChanges } from '../../src/storage/applyRemoteChanges.ts';
import { saveDraft } from '../../src/storage/draftRepository.ts';
import type { UraDatabase } from '../../src/storage/UraDatabase.ts';
import type { Change, SessionInfo } from '../../src/sync/protocol.ts';
import {
  makeCaseEvent,
  makeCaseRecord,
  makePlanAction,
  makeReferral,
  makeScreening,
  makeVisit,
  newId,
  wireFields,
} from './caseworkFixtures.ts';
import { changeOf, localizedName, makeStudentFields, remoteHlc } from './clientFixtures.ts';

export const TERM = '2026-2027/1';

/** One student with a case and one of every record under it, as ids. */
export interface SeededChild {
  studentId: string;
  caseId: string;
  caseEventId: string;
  visitId: string;
  planActionId: string;
  referralId: string;
  screeningId: string;
}

export interface SeededCaseload {
  schoolA: string;
  schoolB: string;
  /** School A, grade 4, class "4-2" (community recorded). */
  a42: SeededChild;
  /** School A, grade 5, class "5-1". */
  a51: SeededChild;
  /** School B, grade 4, class "4-2". */
  b42: SeededChild;
  /** A clash over a42's community, and one over b42's case status. */
  communityClashId: string;
  caseClashId: string;
}

function childChanges(schoolId: string, student: Partial<StudentFields>, hlc: string): [SeededChild, Change[]] {
  const studentId = newId();
  const caseRecord = makeCaseRecord(studentId, schoolId, { status: 'open', openedAt: '2026-11-03' });
  const visit = makeVisit(caseRecord.id);
  const plan = makePlanAction(caseRecord.id);
  const referral = makeReferral(caseRecord.id);
  const screening = makeScreening(studentId);
  const caseEventId = newId();
  const changes = [
    changeOf('student', studentId, makeStudentFields({ schoolId, ...student }), hlc),
    changeOf('case', caseRecord.id, wireFields(caseRecord), hlc),
    changeOf('caseEvent', caseEventId, makeCaseEvent(caseRecord.id), hlc),
    changeOf('homeVisit', visit.id, wireFields(visit), hlc),
    changeOf('planAction', plan.id, wireFields(plan), hlc),
    changeOf('referral', referral.id, wireFields(referral), hlc),
    changeOf('screening', screening.id, wireFields(screening), hlc),
  ];
  const ids = {
    studentId,
    caseId: caseRecord.id,
    caseEventId,
    visitId: visit.id,
    planActionId: plan.id,
    referralId: referral.id,
    screeningId: screening.id,
  };
  return [ids, changes];
}

function clash(
  recordEntity: string,
  recordId: string,
  field: string,
  kept: unknown,
  lost: unknown,
  hlc: string,
): { id: string; change: Change } {
  const id = newId();
  const fields = {
    recordEntity,
    recordId,
    field,
    keptValue: kept,
    keptHlc: hlc,
    keptBy: null,
    lostValue: lost,
    lostHlc: hlc,
    lostBy: null,
    choice: null,
    resolvedBy: null,
  };
  return { id, change: changeOf('conflict', id, fields, hlc) };
}

/** Pulls the caseload onto `db` (records, summaries, case index; cursor 50) and leaves a draft on each case and student. */
export async function seedPulledCaseload(db: UraDatabase): Promise<SeededCaseload> {
  const hlc = remoteHlc(Date.parse('2026-11-05T10:00:00Z'));
  const [schoolA, schoolB] = [uuidv7(), uuidv7()];
  const municipalityId = uuidv7();
  const places = [
    changeOf('municipality', municipalityId, { name: localizedName('Ferizaj'), country: 'XK' }, hlc),
    ...[schoolA, schoolB].map((id, index) =>
      changeOf('school', id, { name: localizedName(`School ${index}`), municipalityId, country: 'XK' }, hlc),
    ),
  ];
  const [a42, a42Changes] = childChanges(schoolA, { grade: 4, className: '4-2', community: 'roma' }, hlc);
  const [a51, a51Changes] = childChanges(schoolA, { grade: 5, className: '5-1', community: 'serb' }, hlc);
  const [b42, b42Changes] = childChanges(schoolB, { grade: 4, className: '4-2', community: 'roma' }, hlc);
  const communityClash = clash('student', a42.studentId, 'community', 'roma', 'ashkali', hlc);
  const caseClash = clash('case', b42.caseId, 'status', 'open', 'assessment', hlc);
  await applyRemoteChanges(
    db,
    [...places, ...a42Changes, ...a51Changes, ...b42Changes, communityClash.change, caseClash.change],
    50,
  );
  for (const child of [a42, a51, b42]) {
    await saveDraft(db, `homeVisit:${child.caseId}`, { notes: 'half-written' });
    await saveDraft(db, `screening:${child.studentId}:${TERM}`, { values: {} });
  }
  return { schoolA, schoolB, a42, a51, b42, communityClashId: communityClash.id, caseClashId: caseClash.id };
}

export function schoolTeamScope(schoolId: string, version = 11): AccessScope {
  return { ...EMPTY_SCOPE, version, roles: ['schoolTeam'], schoolIds: [schoolId] };
}

export function teacherScope(schoolId: string, grade: number, className: string, version = 12): AccessScope {
  return {
    ...EMPTY_SCOPE,
    version,
    roles: ['teacher'],
    classes: [{ schoolId, classKey: classKeyOf(grade, className) }],
  };
}

export function mentorScope(caseIds: string[], studentIds: string[], version = 13): AccessScope {
  return { ...EMPTY_SCOPE, version, roles: ['mentor'], caseIds, studentIds };
}

/** What `POST /api/session` answers for a user. */
export function sessionInfoFor(
  userId: string,
  scope: AccessScope,
  overrides: Partial<SessionInfo['user']> = {},
): SessionInfo {
  return {
    user: { id: userId, login: 'team', displayName: 'Demo school team', organisationId: null, ...overrides },
    scope,
    expiresAt: Date.parse('2027-01-01T00:00:00Z'),
  };
}

/** Every table of the device with how many rows it holds (for "nothing left" and "nothing changed"). */
export async function tableCounts(db: UraDatabase): Promise<Record<string, number>> {
  const counts = await Promise.all(db.tables.map(async (table) => [table.name, await table.count()] as const));
  return Object.fromEntries(counts);
}
