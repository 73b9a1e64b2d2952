/**
 * The Municipal Action Plan's records through POST /api/sync: a coordinator's
 * devices push and pull them; nobody else's do (docs/sync.md, "Municipal
 * Action Plan").
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from '../../../src/server/createServer.ts';
import { syncResponseSchema } from '../../../src/server/openapi/replySchemas.ts';
import type { Mutation, SyncResponse } from '../../../src/sync/protocol.ts';
import {
  makeSyncRequest,
  OTHER_CLIENT_ID,
  postSync,
  readStoredFields,
  signInTestClients,
  sync,
  TEST_CLIENT_ID,
  TEST_NOW,
  type TempDatabase,
} from '../../support/serverFixtures.ts';
import {
  addUser,
  assignCase,
  CLASS_5_1,
  createScopeWorld,
  deviceMutation,
  MUNICIPALITY_1,
  MUNICIPALITY_2,
  pullAll,
  SCHOOL_A,
  storeCaseFile,
  storeStudent,
  syncAs,
} from '../../support/scopeFixtures.ts';
import {
  activityFields,
  goalFields,
  mapKeysOf,
  planFields,
  progressFields,
  recordRowCounts,
  storedPlanKeys,
  storePlan,
  type StoredPlan,
} from './mapSyncWorld.ts';

function outcomes(reply: SyncResponse): string[] {
  return reply.results.map((result) => result.code ?? result.status);
}

describe('Municipal Action Plan sync', () => {
  let world: TempDatabase;
  let coordinator: string;
  let otherCoordinator: string;
  beforeEach(async () => {
    world = await createScopeWorld();
    coordinator = await addUser(world.db, [{ role: 'coordinator', municipalityId: MUNICIPALITY_1 }]);
    otherCoordinator = await addUser(world.db, [{ role: 'coordinator', municipalityId: MUNICIPALITY_2 }]);
  });
  afterEach(async () => {
    await world.cleanup();
  });

  function push(userId: string, mutations: Mutation[]): Promise<SyncResponse> {
    return syncAs(world.db, userId, { mutations, cursor: 1_000_000 });
  }

  it("carries a coordinator's new plan, goal, activity and progress entry to their second device", async () => {
    const app = await createServer({ db: world.db, now: () => TEST_NOW });
    signInTestClients(app, world.db, { userId: coordinator, now: () => TEST_NOW });
    try {
      const [planId, goalId, activityId, progressId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const written = {
        [`mapPlan:${planId}`]: planFields(MUNICIPALITY_1),
        [`mapGoal:${goalId}`]: goalFields(planId),
        [`mapActivity:${activityId}`]: activityFields(planId, goalId),
        [`mapProgress:${progressId}`]: progressFields(planId, activityId),
      };
      const mutations = Object.entries(written).map(([key, fields]) => {
        const [entity, id] = key.split(':') as ['mapPlan', string];
        return deviceMutation(entity, id, 'create', fields, TEST_CLIENT_ID);
      });
      const pushed = await sync(app, makeSyncRequest({ clientId: TEST_CLIENT_ID, mutations }));
      expect(outcomes(pushed)).toEqual(['applied', 'applied', 'applied', 'applied']);

      const pulled = await sync(app, makeSyncRequest({ clientId: OTHER_CLIENT_ID, cursor: 0, limit: 5000 }));
      const received = Object.fromEntries(
        pulled.changes
          .filter((change) => change.entity.startsWith('map'))
          .map((change) => [`${change.entity}:${change.entityId}`, change.fields]),
      );
      expect(received).toEqual(written);
      expect(pulled.scope?.municipalityIds).toEqual([MUNICIPALITY_1]);
      // The reply, its scope's municipalities included, is what docs/openapi.json describes.
      expect(syncResponseSchema.safeParse(pulled).error).toBeUndefined();

      // A field of the wrong type is a malformed request: 400, and nothing changes.
      const before = await recordRowCounts(world.db);
      const bad = deviceMutation('mapGoal', goalId, 'set', { position: 'first' });
      const refused = await postSync(app, makeSyncRequest({ clientId: TEST_CLIENT_ID, mutations: [bad] }));
      expect(refused.statusCode).toBe(400);
      expect(await recordRowCounts(world.db)).toEqual(before);
    } finally {
      await app.close();
    }
  });

  it('keeps a plan from the coordinator of another municipality, for reading and for writing', async () => {
    const plan = await storePlan(world.db, MUNICIPALITY_1);
    const own = await pullAll(world.db, coordinator);
    expect(mapKeysOf(own.records.keys())).toEqual(storedPlanKeys(plan).sort());
    const other = await pullAll(world.db, otherCoordinator);
    expect(mapKeysOf(other.records.keys())).toEqual([]);

    const before = await recordRowCounts(world.db);
    const storedTitle = await readStoredFields(world.db, 'mapPlan', plan.planId);
    expect(outcomes(await push(otherCoordinator, writesInto(plan, MUNICIPALITY_1)))).toEqual(
      Array.from({ length: 8 }, () => 'forbidden'),
    );
    expect(await recordRowCounts(world.db)).toEqual(before);
    expect(await readStoredFields(world.db, 'mapPlan', plan.planId)).toEqual(storedTitle);
    // The same writes from the plan's own coordinator are taken.
    expect(outcomes(await push(coordinator, writesInto(plan, MUNICIPALITY_1)))).toEqual(
      Array.from({ length: 8 }, () => 'applied'),
    );
  });

  it('lets no school team, principal, teacher, mentor, CSW liaison or administrator write or pull a plan', async () => {
    const { db } = world;
    const file = await storeCaseFile(db, await storeStudent(db, SCHOOL_A), SCHOOL_A);
    const mentor = await addUser(db, [{ role: 'mentor' }]);
    await assignCase(db, file.caseId, mentor);
    const others = {
      schoolTeam: await addUser(db, [{ role: 'schoolTeam', schoolId: SCHOOL_A }]),
      principal: await addUser(db, [{ role: 'principal', schoolId: SCHOOL_A }]),
      teacher: await addUser(db, [{ role: 'teacher', schoolId: SCHOOL_A, classKey: CLASS_5_1 }]),
      mentor,
      // A liaison's role names the municipality too, yet keeps no plan.
      cswLiaison: await addUser(db, [{ role: 'cswLiaison', municipalityId: MUNICIPALITY_1 }]),
      admin: await addUser(db, [{ role: 'admin' }]),
    };
    const plan = await storePlan(db, MUNICIPALITY_1);
    for (const [role, userId] of Object.entries(others)) {
      const before = await recordRowCounts(db);
      const reply = await push(userId, writesInto(plan, MUNICIPALITY_1));
      expect(outcomes(reply), role).toEqual(Array.from({ length: 8 }, () => 'forbidden'));
      expect(await recordRowCounts(db), role).toEqual(before);
      const { records } = await pullAll(db, userId, { clientId: OTHER_CLIENT_ID });
      expect(mapKeysOf(records.keys()), role).toEqual([]);
      expect(records.size, role).toBeGreaterThan(0);
    }
  });

  it('places each record by its plan, and leaves no child-data audit entries for it', async () => {
    const plan = await storePlan(world.db, MUNICIPALITY_1);
    await push(coordinator, writesInto(plan, MUNICIPALITY_1));
    const rows = await world.db
      .selectFrom('record_scope')
      .selectAll()
      .where('entity', 'in', ['mapPlan', 'mapGoal', 'mapActivity', 'mapProgress'])
      .execute();
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      expect(row).toMatchObject({ school_id: null, class_key: null, student_id: null, case_id: null });
      expect(row.municipality_id).toBe(MUNICIPALITY_1);
    }
    await pullAll(world.db, coordinator);
    const audited = await world.db
      .selectFrom('audit_event')
      .select('action')
      .where('user_id', '=', coordinator)
      .where('action', 'in', ['case_read', 'case_write'])
      .execute();
    expect(audited).toEqual([]);
  });
});

/** A new plan of `municipalityId`, and a set and a new record of every kind in `plan`. */
function writesInto(plan: StoredPlan, municipalityId: string): Mutation[] {
  const goalId = randomUUID();
  const activityId = randomUUID();
  return [
    deviceMutation('mapPlan', randomUUID(), 'create', planFields(municipalityId)),
    deviceMutation('mapPlan', plan.planId, 'set', { title: 'Renamed plan' }),
    deviceMutation('mapGoal', goalId, 'create', goalFields(plan.planId, { position: 2 })),
    deviceMutation('mapGoal', plan.goalId, 'set', { title: 'Renamed goal' }),
    deviceMutation('mapActivity', activityId, 'create', activityFields(plan.planId, plan.goalId)),
    deviceMutation('mapActivity', plan.activityId, 'set', { target: 70 }),
    deviceMutation('mapProgress', randomUUID(), 'create', progressFields(plan.planId, plan.activityId)),
    deviceMutation('mapProgress', plan.progressId, 'set', { value: 30 }),
  ];
}
