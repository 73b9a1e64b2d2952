import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAccessScope } from '../../../src/server/sync/accessScopeStore.ts';
import type { Mutation, SyncResponse } from '../../../src/sync/protocol.ts';
import { makeCaseEvent, makeCaseRecord, makeScreening, makeVisit, wireFields } from '../../support/caseworkFixtures.ts';
import { makeStudentFields, type TempDatabase } from '../../support/serverFixtures.ts';
import {
  addUser,
  assignCase,
  CLASS_5_1,
  createScopeWorld,
  deviceMutation,
  pullAll,
  SCHOOL_A,
  SCHOOL_B,
  SCHOOL_C,
  storeCaseFile,
  storeStudent,
  syncAs,
  type CaseFile,
} from '../../support/scopeFixtures.ts';

function outcomes(reply: SyncResponse): string[] {
  return reply.results.map((result) => result.code ?? result.status);
}

describe('push authorisation: forged ids, hidden fields, moves and flags', () => {
  let world: TempDatabase;
  let file: CaseFile;
  let sibling: string;
  let team: string;
  let teacher: string;
  let mentor: string;
  beforeEach(async () => {
    world = await createScopeWorld();
    const { db } = world;
    file = await storeCaseFile(db, await storeStudent(db, SCHOOL_A), SCHOOL_A);
    sibling = await storeStudent(db, SCHOOL_A, { givenName: 'Arben' });
    team = await addUser(db, [{ role: 'schoolTeam', schoolId: SCHOOL_A }]);
    teacher = await addUser(db, [{ role: 'teacher', schoolId: SCHOOL_A, classKey: CLASS_5_1 }]);
    mentor = await addUser(db, [{ role: 'mentor' }]);
    await assignCase(db, file.caseId, mentor);
  });
  afterEach(async () => {
    await world.cleanup();
  });

  function push(userId: string, mutations: Mutation[]): Promise<SyncResponse> {
    return syncAs(world.db, userId, { mutations, cursor: 1_000_000 });
  }

  it('refuses a community a teacher or mentor sets, and lets a teacher register a child with it left blank', async () => {
    const blank = deviceMutation(
      'student',
      randomUUID(),
      'create',
      makeStudentFields({ schoolId: SCHOOL_A, community: '' }),
    );
    const filled = deviceMutation(
      'student',
      randomUUID(),
      'create',
      makeStudentFields({ schoolId: SCHOOL_A, community: 'roma' }),
    );
    const set = deviceMutation('student', file.studentId, 'set', { community: 'roma' });
    const cleared = deviceMutation('student', file.studentId, 'set', { community: '' });
    expect(outcomes(await push(teacher, [blank, filled, set, cleared]))).toEqual([
      'applied',
      'forbidden',
      'forbidden',
      'forbidden',
    ]);
    expect(outcomes(await push(mentor, [{ ...set, id: randomUUID() }]))).toEqual(['forbidden']);
    expect(outcomes(await push(team, [{ ...set, id: randomUUID() }]))).toEqual(['applied']);
  });

  it('refuses forged parents: another school in a case, another case in a correction', async () => {
    const caseInOtherSchool = makeCaseRecord(file.studentId, SCHOOL_B);
    const elsewhere = await storeCaseFile(world.db, await storeStudent(world.db, SCHOOL_C), SCHOOL_C);
    const correction = makeVisit(file.caseId, { correctionOf: elsewhere.homeVisitId });
    const honest = makeVisit(file.caseId, { correctionOf: file.homeVisitId });
    const reply = await push(team, [
      deviceMutation('case', caseInOtherSchool.id, 'create', wireFields(caseInOtherSchool)),
      deviceMutation('homeVisit', correction.id, 'create', wireFields(correction)),
      deviceMutation('homeVisit', honest.id, 'create', wireFields(honest)),
    ]);
    expect(outcomes(reply)).toEqual(['forbidden', 'forbidden', 'applied']);
    const teacherCase = makeCaseRecord(file.studentId, SCHOOL_B);
    expect(
      outcomes(await push(teacher, [deviceMutation('case', teacherCase.id, 'create', wireFields(teacherCase))])),
    ).toEqual(['forbidden']);
  });

  it('lets a student move only between places the user writes, old and new', async () => {
    const toB = deviceMutation('student', file.studentId, 'set', { schoolId: SCHOOL_B });
    const toOtherClass = deviceMutation('student', file.studentId, 'set', { className: '5/2' });
    expect(outcomes(await push(team, [toB]))).toEqual(['forbidden']);
    expect(outcomes(await push(teacher, [toOtherClass]))).toEqual(['forbidden']);
    const bothSchools = await addUser(world.db, [
      { role: 'schoolTeam', schoolId: SCHOOL_A },
      { role: 'schoolTeam', schoolId: SCHOOL_B },
    ]);
    expect(outcomes(await push(bothSchools, [{ ...toB, id: randomUUID() }]))).toEqual(['applied']);
    // Now in school B, the student is beyond school A's team and the class's teacher.
    const rename = deviceMutation('student', file.studentId, 'set', { givenName: 'Hana' });
    expect(outcomes(await push(team, [rename]))).toEqual(['forbidden']);
    expect(outcomes(await push(teacher, [{ ...rename, id: randomUUID() }]))).toEqual(['forbidden']);
  });

  it('lets a case move school only for a user who writes both schools', async () => {
    const move = deviceMutation('case', file.caseId, 'set', { schoolId: SCHOOL_B });
    expect(outcomes(await push(team, [move]))).toEqual(['forbidden']);
    const bothSchools = await addUser(world.db, [
      { role: 'principal', schoolId: SCHOOL_A },
      { role: 'principal', schoolId: SCHOOL_B },
    ]);
    expect(outcomes(await push(bothSchools, [{ ...move, id: randomUUID() }]))).toEqual(['applied']);
  });

  it("assigns a mentor's flag to them in the same push, so its first event and visit go through", async () => {
    const before = await loadAccessScope(world.db, mentor);
    const flag = makeCaseRecord(file.studentId, SCHOOL_A);
    const event = { id: randomUUID(), ...makeCaseEvent(flag.id) };
    const visit = makeVisit(flag.id);
    const reply = await syncAs(world.db, mentor, {
      scopeVersion: before.version,
      mutations: [
        deviceMutation('case', flag.id, 'create', wireFields(flag)),
        deviceMutation('caseEvent', event.id, 'create', wireFields(event)),
        deviceMutation('homeVisit', visit.id, 'create', wireFields(visit)),
      ],
    });
    expect(outcomes(reply)).toEqual(['applied', 'applied', 'applied']);
    const assigned = await world.db.selectFrom('case_assignment').selectAll().where('case_id', '=', flag.id).execute();
    expect(assigned).toMatchObject([{ user_id: mentor, assigned_by: mentor }]);
    expect(reply).toMatchObject({ changes: [], nextCursor: 0, hasMore: true });
    expect(reply.scope?.caseIds).toEqual([file.caseId, flag.id].sort());
    const audit = await world.db
      .selectFrom('audit_event')
      .select(['action', 'entity_id'])
      .where('action', '=', 'case_assigned')
      .execute();
    expect(audit).toEqual([{ action: 'case_assigned', entity_id: flag.id }]);
  });

  it("refuses a mentor's flag for a sibling, or in another school than the child's", async () => {
    const forSibling = makeCaseRecord(sibling, SCHOOL_A);
    const elsewhere = makeCaseRecord(file.studentId, SCHOOL_C);
    const reply = await push(mentor, [
      deviceMutation('case', forSibling.id, 'create', wireFields(forSibling)),
      deviceMutation('case', elsewhere.id, 'create', wireFields(elsewhere)),
    ]);
    expect(outcomes(reply)).toEqual(['forbidden', 'forbidden']);
    expect(
      await world.db.selectFrom('case_assignment').select('case_id').where('user_id', '=', mentor).execute(),
    ).toEqual([{ case_id: file.caseId }]);
  });

  it('keeps the earlier rejection codes ahead of forbidden', async () => {
    const outsider = await addUser(world.db, [{ role: 'schoolTeam', schoolId: SCHOOL_C }]);
    const bad = deviceMutation('student', randomUUID(), 'create', { ...makeStudentFields(), grade: 99 });
    const missing = deviceMutation('student', randomUUID(), 'set', { givenName: 'Hana' });
    const appendOnly = deviceMutation('homeVisit', file.homeVisitId, 'set', { notes: 'x' });
    const again = deviceMutation('student', file.studentId, 'create', makeStudentFields());
    const screening = makeScreening(randomUUID());
    const unknownStudent = deviceMutation('screening', screening.id, 'create', wireFields(screening));
    const future = {
      ...deviceMutation('student', file.studentId, 'set', { givenName: 'Hana' }),
      hlc: '2099-01-01T00:00:00.000Z-0000-aaaaaaaaaaaaaaaa',
    };
    expect(outcomes(await push(outsider, [bad, missing, appendOnly, again, unknownStudent, future]))).toEqual([
      'invalid_fields',
      'not_found',
      'append_only',
      'already_exists',
      'invalid_fields',
      'clock_ahead',
    ]);
  });

  it("leaves a refused record out of every pull, the sender's included", async () => {
    const intruder = makeVisit(file.caseId);
    await push(teacher, [deviceMutation('homeVisit', intruder.id, 'create', wireFields(intruder))]);
    const pulled = await pullAll(world.db, team);
    expect(pulled.records.has(`homeVisit:${intruder.id}`)).toBe(false);
    expect(pulled.records.has(`homeVisit:${file.homeVisitId}`)).toBe(true);
  });
});
