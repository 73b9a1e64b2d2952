/**
 * The Municipal Action Plan in the access scope: a coordinator's
 * municipalities join it, and nobody else's scope version changes (a changed
 * version sends a device back to a full re-pull); a protocol-2 app, which has
 * no tables for the plan, never receives its records.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessScope } from '../../../src/domain/accessScope.ts';
import { loadAccessScope, withVersion } from '../../../src/server/sync/accessScopeStore.ts';
import { MAP_ENTITIES } from '../../../src/sync/protocol.ts';
import type { TempDatabase } from '../../support/serverFixtures.ts';
import {
  addUser,
  assignCase,
  CLASS_5_1,
  createScopeWorld,
  MUNICIPALITY_1,
  MUNICIPALITY_2,
  SCHOOL_A,
  storeCaseFile,
  storeOutsideReferral,
  storeStudent,
  syncAs,
} from '../../support/scopeFixtures.ts';
import { storePlan } from './mapSyncWorld.ts';

/** The version as computed before the plan existed (accessScopeStore.ts at protocol 2). */
function versionBeforeThePlan(scope: AccessScope): number {
  const canonical = JSON.stringify([
    scope.roles,
    scope.schoolIds,
    scope.classes.map((item) => [item.schoolId, item.classKey]),
    scope.caseIds,
    scope.studentIds,
  ]);
  const version = createHash('sha256').update(canonical).digest().readUIntBE(0, 6);
  return version === 0 ? 1 : version;
}

const NO_REACH = { roles: [], schoolIds: [], classes: [], caseIds: [], studentIds: [] };

describe('access scope and the Municipal Action Plan', () => {
  let world: TempDatabase;
  beforeEach(async () => {
    world = await createScopeWorld();
  });
  afterEach(async () => {
    await world.cleanup();
  });

  it('keeps the versions computed before the plan, as fixed numbers', () => {
    expect(withVersion({ ...NO_REACH, roles: ['schoolTeam'], schoolIds: [SCHOOL_A] }).version).toBe(148038037688486);
    const teacher = {
      ...NO_REACH,
      roles: ['teacher' as const],
      classes: [{ schoolId: SCHOOL_A, classKey: CLASS_5_1 }],
    };
    expect(withVersion(teacher).version).toBe(231155096130773);
    expect(withVersion({ ...teacher, municipalityIds: [] }).version).toBe(231155096130773);
  });

  it("leaves every other user's scope without municipalities and with the version it had", async () => {
    const { db } = world;
    const file = await storeCaseFile(db, await storeStudent(db, SCHOOL_A), SCHOOL_A);
    await storeOutsideReferral(db, file.caseId, 'csw');
    const mentor = await addUser(db, [{ role: 'mentor' }]);
    await assignCase(db, file.caseId, mentor);
    const users = [
      mentor,
      await addUser(db, [{ role: 'schoolTeam', schoolId: SCHOOL_A }]),
      await addUser(db, [{ role: 'principal', schoolId: SCHOOL_A }]),
      await addUser(db, [{ role: 'teacher', schoolId: SCHOOL_A, classKey: CLASS_5_1 }]),
      await addUser(db, [{ role: 'cswLiaison', municipalityId: MUNICIPALITY_1 }]),
      await addUser(db, [{ role: 'admin' }]),
    ];
    for (const userId of users) {
      const scope = await loadAccessScope(db, userId);
      expect(scope).not.toHaveProperty('municipalityIds');
      expect(scope.version).toBe(versionBeforeThePlan(scope));
    }
  });

  it('gives a coordinator their municipalities, sorted and once each, in the scope and its version', async () => {
    const coordinator = await addUser(world.db, [
      { role: 'coordinator', municipalityId: MUNICIPALITY_2 },
      { role: 'coordinator', municipalityId: MUNICIPALITY_1 },
      { role: 'cswLiaison', municipalityId: MUNICIPALITY_1 },
    ]);
    const scope = await loadAccessScope(world.db, coordinator);
    expect(scope.municipalityIds).toEqual([MUNICIPALITY_1, MUNICIPALITY_2]);
    expect(scope.version).not.toBe(versionBeforeThePlan(scope));
    const { version, ...content } = scope;
    expect(withVersion({ ...content, municipalityIds: [MUNICIPALITY_1] }).version).not.toBe(version);
  });

  it('never sends a protocol-2 pull the plan, yet moves its cursor past it', async () => {
    const coordinator = await addUser(world.db, [{ role: 'coordinator', municipalityId: MUNICIPALITY_1 }]);
    await storePlan(world.db, MUNICIPALITY_1);
    const head = await world.db
      .selectFrom('change_log')
      .select((eb) => eb.fn.max('seq').as('head'))
      .executeTakeFirstOrThrow();
    const isMap = (entity: string) => (MAP_ENTITIES as readonly string[]).includes(entity);

    const old = await syncAs(world.db, coordinator, { protocolVersion: 2, cursor: 0, limit: 5000 });
    expect(old.changes.length).toBeGreaterThan(0);
    expect(old.changes.filter((change) => isMap(change.entity))).toEqual([]);
    expect(old.hasMore).toBe(false);
    expect(old.nextCursor).toBe(Number(head.head));

    const current = await syncAs(world.db, coordinator, { cursor: 0, limit: 5000 });
    expect(current.changes.filter((change) => isMap(change.entity))).toHaveLength(4);
    expect(current.nextCursor).toBe(Number(head.head));
  });
});
