import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAccount, saveSignIn } from '../../../src/storage/accountRepository.ts';
import { applyAccessScope, removeScopeLeftovers } from '../../../src/storage/applyAccessScope.ts';
import { addHomeVisit } from '../../../src/storage/homeVisitRepository.ts';
import { updateStudent } from '../../../src/storage/studentRepository.ts';
import { getCursor } from '../../../src/storage/syncMeta.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import {
  mentorScope,
  schoolTeamScope,
  seedPulledCaseload,
  sessionInfoFor,
  teacherScope,
  TERM,
  type SeededCaseload,
  type SeededChild,
} from '../../support/clientSessionDevice.ts';
import { makeVisitInput } from '../../support/caseworkFixtures.ts';
import { freshDatabase, makeStudentFields } from '../../support/clientFixtures.ts';

const USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f5001';

let db: UraDatabase;
let seeded: SeededCaseload;
beforeEach(async () => {
  db = freshDatabase();
  seeded = await seedPulledCaseload(db);
  // Signed in as the team of both schools: the first sign-in keeps everything.
  await saveSignIn(
    db,
    sessionInfoFor(USER, { ...schoolTeamScope(seeded.schoolA, 1), schoolIds: [seeded.schoolA, seeded.schoolB] }),
    1,
  );
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Which of the child's records are still on the device. */
async function held(child: SeededChild) {
  return {
    student: (await db.students.get(child.studentId)) !== undefined,
    case: (await db.cases.get(child.caseId)) !== undefined,
    caseEvent: (await db.caseEvents.get(child.caseEventId)) !== undefined,
    visit: (await db.homeVisits.get(child.visitId)) !== undefined,
    planAction: (await db.planActions.get(child.planActionId)) !== undefined,
    referral: (await db.referrals.get(child.referralId)) !== undefined,
    screening: (await db.screenings.get(child.screeningId)) !== undefined,
    visitDraft: (await db.drafts.get(`homeVisit:${child.caseId}`)) !== undefined,
    screeningDraft: (await db.drafts.get(`screening:${child.studentId}:${TERM}`)) !== undefined,
    caseIndex: (await db.caseIndex.get(child.caseId)) !== undefined,
    visitSummary: (await db.visitSummaries.get(child.caseId)) !== undefined,
    screeningSummary: (await db.screeningSummaries.get(child.studentId)) !== undefined,
  };
}

const ALL = {
  student: true,
  case: true,
  caseEvent: true,
  visit: true,
  planAction: true,
  referral: true,
  screening: true,
  visitDraft: true,
  screeningDraft: true,
  caseIndex: true,
  visitSummary: true,
  screeningSummary: true,
};
const NONE = Object.fromEntries(Object.keys(ALL).map((key) => [key, false]));

describe('applyAccessScope', () => {
  it('starts from a device holding both schools', async () => {
    expect(await held(seeded.a42)).toEqual(ALL);
    expect(await held(seeded.b42)).toEqual(ALL);
    expect(await db.conflicts.count()).toBe(2);
  });

  it("keeps one school's records for its team and removes the other school's with all that hangs on them", async () => {
    const scope = schoolTeamScope(seeded.schoolA, 2);
    const removed = await applyAccessScope(db, scope);

    expect(await held(seeded.a42)).toEqual(ALL);
    expect(await held(seeded.a51)).toEqual(ALL);
    expect(await held(seeded.b42)).toEqual(NONE);
    // Seven records of the child and the clash about its case.
    expect(removed).toBe(8);
    expect(await db.conflicts.get(seeded.caseClashId)).toBeUndefined();
    expect(await db.conflicts.get(seeded.communityClashId)).toBeDefined();
    // The school team sees community.
    expect(await db.students.get(seeded.a42.studentId)).toMatchObject({ community: 'roma' });
    // Places stay: everyone receives them.
    expect(await db.schools.count()).toBe(2);
    expect((await loadAccount(db))?.scope).toEqual(scope);
    expect(await getCursor(db)).toBe(0);
  });

  it("keeps a teacher's class without its notes, plans and referrals, and empties community", async () => {
    const removed = await applyAccessScope(db, teacherScope(seeded.schoolA, 4, ' 4-2 '));

    expect(await held(seeded.a42)).toEqual({
      ...ALL,
      visit: false,
      planAction: false,
      referral: false,
      visitSummary: false,
    });
    expect(await held(seeded.a51)).toEqual(NONE);
    expect(await held(seeded.b42)).toEqual(NONE);
    expect(removed).toBe(3 + 7 + 7 + 2);

    const student = await db.students.get(seeded.a42.studentId);
    expect(student).toMatchObject({ community: '', givenName: 'Marko' });
    expect(student?.hlcs.community).toBeUndefined();
    // The clash over community carried its values: it goes with the field.
    expect(await db.conflicts.count()).toBe(0);
    // The case's index entry no longer shows the removed note's visit date or the plan action.
    expect(await db.caseIndex.get(seeded.a42.caseId)).toMatchObject({ nextVisit: null, openActions: [] });
  });

  it("keeps a mentor's assigned case and its student, without the student's screenings", async () => {
    const removed = await applyAccessScope(db, mentorScope([seeded.a51.caseId], [seeded.a51.studentId]));

    expect(await held(seeded.a51)).toEqual({
      ...ALL,
      screening: false,
      screeningSummary: false,
      screeningDraft: true,
    });
    expect(await held(seeded.a42)).toEqual(NONE);
    expect(removed).toBe(1 + 7 + 7 + 2);
    expect(await db.students.get(seeded.a51.studentId)).toMatchObject({ community: '' });
    expect(await db.caseIndex.get(seeded.a51.caseId)).toMatchObject({ riskLevel: null });
  });

  it('keeps a record a pending change still writes until the change is sent, then removes it', async () => {
    await updateStudent(
      db,
      seeded.b42.studentId,
      makeStudentFields({ schoolId: seeded.schoolB, grade: 4, className: '4-2', community: 'roma', rural: false }),
    );
    const removed = await applyAccessScope(db, schoolTeamScope(seeded.schoolA, 2));
    expect(removed).toBe(7);
    expect(await db.students.get(seeded.b42.studentId)).toMatchObject({ rural: false, community: '' });
    expect(await db.cases.get(seeded.b42.caseId)).toBeUndefined();
    expect(await removeScopeLeftovers(db)).toBe(0);

    // The server took the change: the outbox row leaves, and with it the reason to keep the student.
    await db.outbox.clear();
    expect(await removeScopeLeftovers(db)).toBe(1);
    expect(await db.students.get(seeded.b42.studentId)).toBeUndefined();
    expect(await removeScopeLeftovers(db)).toBe(0);
  });

  it('keeps a note waiting to be sent on a case that goes, and removes it once sent', async () => {
    const visit = makeVisitInput(seeded.b42.caseId);
    expect(await addHomeVisit(db, visit)).toBe('added');
    await applyAccessScope(db, schoolTeamScope(seeded.schoolA, 2));
    expect(await db.homeVisits.get(visit.id)).toBeDefined();
    expect(await db.cases.get(seeded.b42.caseId)).toBeUndefined();
    expect(await db.homeVisits.get(seeded.b42.visitId)).toBeUndefined();

    await db.outbox.clear();
    expect(await removeScopeLeftovers(db)).toBe(1);
    expect(await db.homeVisits.get(visit.id)).toBeUndefined();
  });

  it('removes notes whose case is not on the device (nothing says where they belong)', async () => {
    await db.cases.clear();
    await applyAccessScope(db, schoolTeamScope(seeded.schoolA, 2));
    expect(await db.homeVisits.count()).toBe(0);
    expect(await db.caseEvents.count()).toBe(0);
    // Screenings hang on their student, who is still here.
    expect(await db.screenings.get(seeded.a42.screeningId)).toBeDefined();
  });
});
