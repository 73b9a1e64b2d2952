import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLASS_5_1 } from '../../support/scopeFixtures.ts';
import { makeVisit, wireFields } from '../../support/caseworkFixtures.ts';
import { OTHER_CLIENT_ID, TEST_CLIENT_ID, type TempDatabase } from '../../support/serverFixtures.ts';
import {
  addUser,
  assignCase,
  caseFileKeys,
  createScopeWorld,
  deviceMutation,
  pullAll,
  SCHOOL_A,
  SCHOOL_B,
  storeCaseFile,
  storeRecord,
  storeStudent,
  syncAs,
  unassignCase,
  type CaseFile,
} from '../../support/scopeFixtures.ts';

describe('scoped pulls', () => {
  let world: TempDatabase;
  let inClass: CaseFile;
  let otherClass: CaseFile;
  let otherSchool: CaseFile;
  let team: string;
  let teacher: string;
  let mentor: string;
  beforeEach(async () => {
    world = await createScopeWorld();
    const { db } = world;
    inClass = await storeCaseFile(db, await storeStudent(db, SCHOOL_A, { community: 'roma' }), SCHOOL_A);
    otherClass = await storeCaseFile(db, await storeStudent(db, SCHOOL_A, { className: '5/2' }), SCHOOL_A);
    otherSchool = await storeCaseFile(db, await storeStudent(db, SCHOOL_B), SCHOOL_B);
    team = await addUser(db, [{ role: 'schoolTeam', schoolId: SCHOOL_A }]);
    teacher = await addUser(db, [{ role: 'teacher', schoolId: SCHOOL_A, classKey: CLASS_5_1 }]);
    mentor = await addUser(db, [{ role: 'mentor' }]);
  });
  afterEach(async () => {
    await world.cleanup();
  });

  it("gives the school team its whole school, community included, and nothing of another school's", async () => {
    const { records } = await pullAll(world.db, team);
    for (const key of [...caseFileKeys(inClass), ...caseFileKeys(otherClass)]) expect(records.has(key)).toBe(true);
    for (const key of caseFileKeys(otherSchool)) expect(records.has(key)).toBe(false);
    expect(records.get(`student:${inClass.studentId}`)).toMatchObject({ community: 'roma' });
    expect([...records.keys()].filter((key) => key.startsWith('school:'))).toHaveLength(3);
    expect([...records.keys()].filter((key) => key.startsWith('municipality:'))).toHaveLength(2);
  });

  it("gives a teacher the class's students, screenings, cases and events, without community or visit notes", async () => {
    const { records } = await pullAll(world.db, teacher);
    const { studentId, screeningId, caseId, caseEventId } = inClass;
    for (const key of [
      `student:${studentId}`,
      `screening:${screeningId}`,
      `case:${caseId}`,
      `caseEvent:${caseEventId}`,
    ]) {
      expect(records.has(key)).toBe(true);
    }
    for (const key of [`homeVisit:${inClass.homeVisitId}`, `planAction:${inClass.planActionId}`]) {
      expect(records.has(key)).toBe(false);
    }
    expect(records.has(`referral:${inClass.referralId}`)).toBe(false);
    for (const key of [...caseFileKeys(otherClass), ...caseFileKeys(otherSchool)]) expect(records.has(key)).toBe(false);
    const student = records.get(`student:${studentId}`);
    expect(student).toMatchObject({ givenName: 'Drita', grade: 5 });
    expect(student).not.toHaveProperty('community');
  });

  it('brings an assigned case to a mentor, and rewinds them out of it when it is taken away', async () => {
    const first = await pullAll(world.db, mentor);
    expect([...first.records.keys()].every((key) => /^(school|municipality):/.test(key))).toBe(true);

    await assignCase(world.db, inClass.caseId, mentor);
    const told = await syncAs(world.db, mentor, { cursor: first.cursor, scopeVersion: first.scopeVersion ?? 0 });
    expect(told).toMatchObject({ changes: [], nextCursor: 0, hasMore: true });
    expect(told.scope?.version).not.toBe(first.scopeVersion);
    expect(told.scope).toMatchObject({ roles: ['mentor'], caseIds: [inClass.caseId], studentIds: [inClass.studentId] });

    const assigned = await pullAll(world.db, mentor, { scopeVersion: told.scope?.version ?? 0 });
    const expected = caseFileKeys(inClass).filter((key) => !key.startsWith('screening:'));
    for (const key of expected) expect(assigned.records.has(key)).toBe(true);
    expect(assigned.records.has(`screening:${inClass.screeningId}`)).toBe(false);
    expect(assigned.records.get(`student:${inClass.studentId}`)).not.toHaveProperty('community');
    for (const key of caseFileKeys(otherClass)) expect(assigned.records.has(key)).toBe(false);

    await unassignCase(world.db, inClass.caseId, mentor);
    const toldAgain = await syncAs(world.db, mentor, {
      cursor: assigned.cursor,
      scopeVersion: told.scope?.version ?? 0,
    });
    expect(toldAgain).toMatchObject({ changes: [], nextCursor: 0, hasMore: true, scope: { caseIds: [] } });
    const after = await pullAll(world.db, mentor, { scopeVersion: toldAgain.scope?.version ?? 0 });
    for (const key of caseFileKeys(inClass)) expect(after.records.has(key)).toBe(false);
  });

  it('sends the scope with a page to a device that holds none, and leaves it out when the device holds it', async () => {
    const firstPage = await syncAs(world.db, teacher, { limit: 3 });
    expect(firstPage.scope).toMatchObject({
      roles: ['teacher'],
      classes: [{ schoolId: SCHOOL_A, classKey: CLASS_5_1 }],
    });
    expect(firstPage.changes.length).toBeGreaterThan(0);
    const version = firstPage.scope?.version ?? 0;
    expect(Number.isSafeInteger(version) && version > 0).toBe(true);
    const next = await syncAs(world.db, teacher, { cursor: firstPage.nextCursor, scopeVersion: version });
    expect(next).not.toHaveProperty('scope');
    expect(next.changes.length).toBeGreaterThan(0);
  });

  it('applies a push even when the reply says the scope changed', async () => {
    const visit = makeVisit(inClass.caseId);
    const reply = await syncAs(world.db, team, {
      scopeVersion: 1,
      mutations: [deviceMutation('homeVisit', visit.id, 'create', wireFields(visit))],
    });
    expect(reply.results.map((result) => result.status)).toEqual(['applied']);
    expect(reply).toMatchObject({ changes: [], nextCursor: 0, hasMore: true, scope: { schoolIds: [SCHOOL_A] } });
  });

  it('moves the cursor past rows it does not send, page after page, to the head of the log', async () => {
    const start = await pullAll(world.db, teacher);
    for (let index = 0; index < 12; index++) await storeStudent(world.db, SCHOOL_B);
    const late = await storeStudent(world.db, SCHOOL_A);
    for (let index = 0; index < 12; index++) await storeStudent(world.db, SCHOOL_A, { className: '5/2' });
    const head = await world.db
      .selectFrom('change_log')
      .select((eb) => eb.fn.max('seq').as('head'))
      .executeTakeFirstOrThrow();

    const page = await syncAs(world.db, teacher, {
      cursor: start.cursor,
      scopeVersion: start.scopeVersion ?? 0,
      limit: 5,
    });
    const rest = await syncAs(world.db, teacher, { cursor: page.nextCursor, scopeVersion: start.scopeVersion ?? 0 });

    // The ten fields the teacher may see of the one student in the class, among 275 rows written.
    expect(page).toMatchObject({ hasMore: true, changes: [{ entity: 'student', entityId: late }] });
    expect(Object.keys(page.changes[0]?.fields ?? {})).toHaveLength(5);
    expect(rest.changes.map((change) => change.entityId)).toEqual([late]);
    expect(Object.keys(rest.changes[0]?.fields ?? {})).toHaveLength(5);
    expect(rest).toMatchObject({ hasMore: false, nextCursor: Number(head.head) });
    const nothing = await syncAs(world.db, teacher, { cursor: rest.nextCursor, scopeVersion: start.scopeVersion ?? 0 });
    expect(nothing).toMatchObject({ changes: [], hasMore: false, nextCursor: Number(head.head) });
  });

  it("leaves the caller's own rows out and, for a version-1 app, clash records, still moving past them", async () => {
    const start = await pullAll(world.db, team, { clientId: OTHER_CLIENT_ID });
    const mine = deviceMutation('student', inClass.studentId, 'set', { guardianName: 'Besa' }, OTHER_CLIENT_ID);
    await syncAs(world.db, team, { clientId: OTHER_CLIENT_ID, cursor: start.cursor, mutations: [mine] });
    await storeRecord(world.db, 'conflict', '33333333-0000-4000-8000-000000000001', {
      recordEntity: 'student',
      recordId: inClass.studentId,
      field: 'guardianName',
    });
    const oldApp = await syncAs(world.db, team, {
      clientId: OTHER_CLIENT_ID,
      cursor: start.cursor,
      protocolVersion: 1,
      scopeVersion: start.scopeVersion ?? 0,
    });
    const otherDevice = await syncAs(world.db, team, { clientId: TEST_CLIENT_ID, cursor: start.cursor });

    expect(oldApp).toMatchObject({ changes: [], hasMore: false });
    expect(oldApp.nextCursor).toBeGreaterThan(start.cursor);
    expect(otherDevice.changes.map((change) => change.entity).sort()).toEqual(['conflict', 'student']);
  });
});
