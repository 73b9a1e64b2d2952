import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAccessScope } from '../../../src/server/sync/accessScopeStore.ts';
import { makeVisit, wireFields } from '../../support/caseworkFixtures.ts';
import { TEST_CLIENT_ID, TEST_NOW, type TempDatabase } from '../../support/serverFixtures.ts';
import {
  addUser,
  assignCase,
  CLASS_5_1,
  CLASS_5_2,
  createScopeWorld,
  deviceMutation,
  MUNICIPALITY_1,
  MUNICIPALITY_2,
  pullAll,
  SCHOOL_A,
  SCHOOL_B,
  SCHOOL_C,
  storeCaseFile,
  storeOutsideReferral,
  storeRecord,
  storeStudent,
  syncAs,
  type CaseFile,
} from '../../support/scopeFixtures.ts';

describe('loadAccessScope', () => {
  let world: TempDatabase;
  let fileA: CaseFile;
  let fileB: CaseFile;
  let fileC: CaseFile;
  beforeEach(async () => {
    world = await createScopeWorld();
    const { db } = world;
    fileA = await storeCaseFile(db, await storeStudent(db, SCHOOL_A), SCHOOL_A);
    fileB = await storeCaseFile(db, await storeStudent(db, SCHOOL_B), SCHOOL_B);
    fileC = await storeCaseFile(db, await storeStudent(db, SCHOOL_C), SCHOOL_C);
  });
  afterEach(async () => {
    await world.cleanup();
  });

  it('collects roles, schools and classes from role assignments, sorted', async () => {
    const user = await addUser(world.db, [
      { role: 'teacher', schoolId: SCHOOL_B, classKey: CLASS_5_2 },
      { role: 'principal', schoolId: SCHOOL_B },
      { role: 'schoolTeam', schoolId: SCHOOL_A },
      { role: 'teacher', schoolId: SCHOOL_A, classKey: CLASS_5_1 },
    ]);
    const scope = await loadAccessScope(world.db, user);
    expect(scope).toMatchObject({
      roles: ['principal', 'schoolTeam', 'teacher'],
      schoolIds: [SCHOOL_A, SCHOOL_B],
      classes: [
        { schoolId: SCHOOL_A, classKey: CLASS_5_1 },
        { schoolId: SCHOOL_B, classKey: CLASS_5_2 },
      ],
      caseIds: [],
      studentIds: [],
    });
  });

  it("reaches a coordinator's municipality's cases referred to the directorate, unless declined", async () => {
    await storeOutsideReferral(world.db, fileA.caseId, 'municipality');
    await storeOutsideReferral(world.db, fileB.caseId, 'municipality', 'declined');
    await storeOutsideReferral(world.db, fileC.caseId, 'municipality');
    // A referral to the CSW is the liaison's, not the coordinator's.
    const toCsw = await storeCaseFile(world.db, await storeStudent(world.db, SCHOOL_B), SCHOOL_B);
    await storeOutsideReferral(world.db, toCsw.caseId, 'csw');
    const coordinator = await addUser(world.db, [{ role: 'coordinator', municipalityId: MUNICIPALITY_1 }]);
    const liaison = await addUser(world.db, [{ role: 'cswLiaison', municipalityId: MUNICIPALITY_1 }]);
    const elsewhere = await addUser(world.db, [{ role: 'coordinator', municipalityId: MUNICIPALITY_2 }]);

    expect(await loadAccessScope(world.db, coordinator)).toMatchObject({
      caseIds: [fileA.caseId],
      studentIds: [fileA.studentId],
    });
    expect(await loadAccessScope(world.db, liaison)).toMatchObject({ caseIds: [toCsw.caseId] });
    expect(await loadAccessScope(world.db, elsewhere)).toMatchObject({ caseIds: [fileC.caseId] });
  });

  it('takes a referred case away when the referral is declined', async () => {
    const referral = await storeOutsideReferral(world.db, fileA.caseId, 'municipality');
    const coordinator = await addUser(world.db, [{ role: 'coordinator', municipalityId: MUNICIPALITY_1 }]);
    const before = await loadAccessScope(world.db, coordinator);
    await storeRecord(world.db, 'referral', referral, { status: 'declined' });
    const after = await loadAccessScope(world.db, coordinator);
    expect(before.caseIds).toEqual([fileA.caseId]);
    expect(after.caseIds).toEqual([]);
    expect(after.version).not.toBe(before.version);
  });

  it('adds assigned cases and their students, whatever the role', async () => {
    const mentor = await addUser(world.db, [{ role: 'mentor' }]);
    await assignCase(world.db, fileC.caseId, mentor);
    await assignCase(world.db, fileA.caseId, mentor);
    const scope = await loadAccessScope(world.db, mentor);
    expect(scope.caseIds).toEqual([fileA.caseId, fileC.caseId].sort());
    expect(scope.studentIds).toEqual([fileA.studentId, fileC.studentId].sort());
  });

  it('has a stable, positive, safe-integer version that follows the content only', async () => {
    const one = await addUser(world.db, [{ role: 'schoolTeam', schoolId: SCHOOL_A }]);
    const same = await addUser(world.db, [{ role: 'schoolTeam', schoolId: SCHOOL_A }]);
    const other = await addUser(world.db, [{ role: 'schoolTeam', schoolId: SCHOOL_B }]);
    const nobody = await loadAccessScope(world.db, 'no-such-user');
    const first = await loadAccessScope(world.db, one);
    expect(first.version).toBe((await loadAccessScope(world.db, one)).version);
    expect(first.version).toBe((await loadAccessScope(world.db, same)).version);
    expect(first.version).not.toBe((await loadAccessScope(world.db, other)).version);
    for (const version of [first.version, nobody.version]) {
      expect(Number.isSafeInteger(version) && version > 0).toBe(true);
    }
    expect(nobody).toMatchObject({ roles: [], schoolIds: [], classes: [], caseIds: [], studentIds: [] });
  });
});

describe('sync audit', () => {
  let world: TempDatabase;
  let file: CaseFile;
  beforeEach(async () => {
    world = await createScopeWorld();
    file = await storeCaseFile(world.db, await storeStudent(world.db, SCHOOL_A), SCHOOL_A);
  });
  afterEach(async () => {
    await world.cleanup();
  });

  async function auditRows(userId: string) {
    return world.db
      .selectFrom('audit_event')
      .select(['at', 'user_id', 'client_id', 'action', 'entity', 'entity_id', 'detail_json'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
  }

  it('records one case_read per case and per case-less student a reply carried, with user and device', async () => {
    const teacher = await addUser(world.db, [{ role: 'teacher', schoolId: SCHOOL_A, classKey: CLASS_5_1 }]);
    await pullAll(world.db, teacher);
    const rows = await auditRows(teacher);
    expect(rows.map((row) => [row.action, row.entity, row.entity_id]).sort()).toEqual(
      [
        ['case_read', 'case', file.caseId],
        ['case_read', 'student', file.studentId],
      ].sort(),
    );
    expect(rows.every((row) => row.client_id === TEST_CLIENT_ID && row.at === TEST_NOW)).toBe(true);
    // The case and its one event; the student and the screening. Counts only, never values.
    const fieldCounts = rows.map((row) => JSON.parse(row.detail_json ?? '{}') as { fields: number });
    expect(fieldCounts.every((detail) => Object.keys(detail).join() === 'fields' && detail.fields > 0)).toBe(true);
  });

  it('records one case_write per case written in a push, in its transaction', async () => {
    const team = await addUser(world.db, [{ role: 'schoolTeam', schoolId: SCHOOL_A }]);
    const first = makeVisit(file.caseId);
    const second = makeVisit(file.caseId);
    const reply = await syncAs(world.db, team, {
      scopeVersion: (await loadAccessScope(world.db, team)).version,
      cursor: 1_000_000,
      mutations: [
        deviceMutation('homeVisit', first.id, 'create', wireFields(first)),
        deviceMutation('homeVisit', second.id, 'create', wireFields(second)),
        deviceMutation('student', file.studentId, 'set', { guardianName: 'Besa' }),
        deviceMutation('student', file.studentId, 'set', { community: 'roma' }),
      ],
    });
    expect(reply.results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const rows = await auditRows(team);
    expect(rows.map((row) => [row.action, row.entity, row.entity_id, row.detail_json])).toEqual([
      ['case_write', 'case', file.caseId, JSON.stringify({ records: 2 })],
      ['case_write', 'student', file.studentId, JSON.stringify({ records: 2 })],
    ]);
  });

  it('records nothing for a refused write, and scope_changed when a device holding a scope gets a new one', async () => {
    const mentor = await addUser(world.db, [{ role: 'mentor' }]);
    const visit = makeVisit(file.caseId);
    const refused = await syncAs(world.db, mentor, {
      cursor: 1_000_000,
      mutations: [deviceMutation('homeVisit', visit.id, 'create', wireFields(visit))],
    });
    expect(refused.results).toEqual([{ id: expect.any(String) as string, status: 'rejected', code: 'forbidden' }]);
    expect(await auditRows(mentor)).toEqual([]);

    await assignCase(world.db, file.caseId, mentor);
    const told = await syncAs(world.db, mentor, { cursor: 1_000_000, scopeVersion: refused.scope?.version ?? 0 });
    const rows = await auditRows(mentor);
    expect(rows.map((row) => [row.action, row.entity])).toEqual([['scope_changed', null]]);
    expect(JSON.parse(rows[0]?.detail_json ?? '{}')).toEqual({
      from: refused.scope?.version,
      to: told.scope?.version,
    });
  });
});
