/**
 * The role × record × action matrix through runSync: each role pushes every
 * kind of write at a case file inside its scope and at case files outside it
 * (another class, another school of the same municipality, a school of
 * another municipality whose case was referred there), naming their ids as a
 * forged request would.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../src/domain/accessScope.ts';
import type { Mutation } from '../../../src/sync/protocol.ts';
import {
  makeCaseEvent,
  makeCaseRecord,
  makePlanAction,
  makeReferral,
  makeScreening,
  makeVisit,
  wireFields,
} from '../../support/caseworkFixtures.ts';
import { makeStudentFields, type TempDatabase } from '../../support/serverFixtures.ts';
import {
  addUser,
  assignCase,
  CLASS_5_1,
  createScopeWorld,
  deviceMutation,
  MUNICIPALITY_1,
  SCHOOL_A,
  SCHOOL_B,
  SCHOOL_C,
  storeCaseFile,
  storeOutsideReferral,
  storeRecord,
  storeStudent,
  syncAs,
  type CaseFile,
  type RoleGrant,
} from '../../support/scopeFixtures.ts';

interface Target extends CaseFile {
  schoolId: string;
  className: string;
  studentClashId: string;
  caseClashId: string;
}

const ACTIONS = {
  'create student': (t: Target) =>
    deviceMutation(
      'student',
      randomUUID(),
      'create',
      makeStudentFields({ schoolId: t.schoolId, className: t.className }),
    ),
  'set student': (t: Target) => deviceMutation('student', t.studentId, 'set', { guardianName: 'Besa' }),
  'create screening': (t: Target) => create('screening', makeScreening(t.studentId)),
  'create case': (t: Target) => create('case', makeCaseRecord(t.studentId, t.schoolId)),
  'set case': (t: Target) => deviceMutation('case', t.caseId, 'set', { caseManagerId: 'Drita Berisha' }),
  'create caseEvent': (t: Target) => create('caseEvent', { id: randomUUID(), ...makeCaseEvent(t.caseId) }),
  'create homeVisit': (t: Target) => create('homeVisit', makeVisit(t.caseId)),
  'create planAction': (t: Target) => create('planAction', makePlanAction(t.caseId)),
  'set planAction': (t: Target) => deviceMutation('planAction', t.planActionId, 'set', { status: 'inProgress' }),
  'create referral': (t: Target) => create('referral', makeReferral(t.caseId)),
  'set referral': (t: Target) =>
    deviceMutation('referral', t.referralId, 'set', {
      status: 'accepted',
      respondedAt: '2026-11-20',
      respondedBy: 'X',
    }),
  'set conflict on student': (t: Target) => resolve(t.studentClashId),
  'set conflict on case': (t: Target) => resolve(t.caseClashId),
} as const satisfies Record<string, (target: Target) => Mutation>;
type Action = keyof typeof ACTIONS;

function create(
  entity: 'screening' | 'case' | 'caseEvent' | 'homeVisit' | 'planAction' | 'referral',
  record: { id: string },
) {
  return deviceMutation(entity, record.id, 'create', wireFields(record));
}

function resolve(conflictId: string): Mutation {
  return deviceMutation('conflict', conflictId, 'set', { choice: 'kept', resolvedBy: 'Drita' });
}

const SCHOOL_WRITES: readonly Action[] = Object.keys(ACTIONS) as Action[];
/** What each role may do to a case file in its scope (docs/accounts.md); everything else is `forbidden`. */
const ALLOWED: Record<Exclude<Role, 'admin'>, readonly Action[]> = {
  schoolTeam: SCHOOL_WRITES,
  principal: SCHOOL_WRITES,
  teacher: [
    'create student',
    'set student',
    'create screening',
    'create case',
    'create caseEvent',
    'set conflict on student',
  ],
  mentor: [
    'create case',
    'create caseEvent',
    'create homeVisit',
    'set planAction',
    'create referral',
    'set conflict on case',
  ],
  coordinator: ['set referral', 'set conflict on case'],
  cswLiaison: ['set referral', 'set conflict on case'],
};

async function storeTarget(db: TempDatabase['db'], schoolId: string, className: string): Promise<Target> {
  const file = await storeCaseFile(db, await storeStudent(db, schoolId, { className }), schoolId);
  const clash = { keptValue: 'a', keptHlc: 'x', keptBy: null, lostValue: 'b', lostHlc: 'y', lostBy: null };
  const studentClashId = randomUUID();
  const caseClashId = randomUUID();
  await storeRecord(db, 'conflict', studentClashId, {
    recordEntity: 'student',
    recordId: file.studentId,
    field: 'guardianName',
    ...clash,
  });
  await storeRecord(db, 'conflict', caseClashId, {
    recordEntity: 'referral',
    recordId: file.referralId,
    field: 'status',
    ...clash,
  });
  return { ...file, schoolId, className, studentClashId, caseClashId };
}

describe('push authorisation: role × record × action, in and out of scope', () => {
  let world: TempDatabase;
  let inScope: Target;
  let otherClass: Target;
  let otherSchool: Target;
  let otherMunicipality: Target;
  beforeAll(async () => {
    world = await createScopeWorld();
    inScope = await storeTarget(world.db, SCHOOL_A, '5/1');
    otherClass = await storeTarget(world.db, SCHOOL_A, '5/2');
    otherSchool = await storeTarget(world.db, SCHOOL_B, '5/1');
    otherMunicipality = await storeTarget(world.db, SCHOOL_C, '5/1');
    // The coordinator's and liaison's way in; the case in the other municipality is referred too.
    for (const target of [inScope, otherMunicipality]) {
      await storeOutsideReferral(world.db, target.caseId, 'municipality');
      await storeOutsideReferral(world.db, target.caseId, 'csw');
    }
  });
  afterAll(async () => {
    await world.cleanup();
  });

  const GRANTS: Record<Exclude<Role, 'admin'>, RoleGrant[]> = {
    schoolTeam: [{ role: 'schoolTeam', schoolId: SCHOOL_A }],
    principal: [{ role: 'principal', schoolId: SCHOOL_A }],
    teacher: [{ role: 'teacher', schoolId: SCHOOL_A, classKey: CLASS_5_1 }],
    mentor: [{ role: 'mentor' }],
    coordinator: [{ role: 'coordinator', municipalityId: MUNICIPALITY_1 }],
    cswLiaison: [{ role: 'cswLiaison', municipalityId: MUNICIPALITY_1 }],
  };

  async function push(userId: string, target: Target): Promise<Record<string, string>> {
    const labels = Object.keys(ACTIONS) as Action[];
    const mutations = labels.map((label) => ACTIONS[label](target));
    const reply = await syncAs(world.db, userId, { mutations, cursor: 1_000_000 });
    return Object.fromEntries(
      reply.results.map((result, index) => [String(labels[index]), result.code ?? result.status]),
    );
  }

  function expected(allowed: readonly Action[]): Record<string, string> {
    return Object.fromEntries(
      (Object.keys(ACTIONS) as Action[]).map((label) => [label, allowed.includes(label) ? 'applied' : 'forbidden']),
    );
  }

  for (const role of Object.keys(GRANTS) as (keyof typeof GRANTS)[]) {
    it(`${role}: writes as the role table says in scope, nothing outside it`, async () => {
      const user = await addUser(world.db, GRANTS[role]);
      if (role === 'mentor') await assignCase(world.db, inScope.caseId, user);
      const outside = role === 'schoolTeam' || role === 'principal' ? [] : [otherClass];
      expect(await push(user, inScope)).toEqual(expected(ALLOWED[role]));
      for (const target of [...outside, otherSchool, otherMunicipality]) {
        expect(await push(user, target)).toEqual(expected([]));
      }
    });
  }

  it('admin: writes no child data at all', async () => {
    const admin = await addUser(world.db, [{ role: 'admin' }]);
    expect(await push(admin, inScope)).toEqual(expected([]));
  });

  it('a user with no role, or an unknown user, writes nothing', async () => {
    expect(await push(await addUser(world.db, []), inScope)).toEqual(expected([]));
    expect(await push('no-such-user', inScope)).toEqual(expected([]));
  });
});
