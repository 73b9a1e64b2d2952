/**
 * What the server refuses of a Municipal Action Plan write whoever sends it
 * (src/server/sync/mapMutationRules.ts): records naming what it does not
 * hold, records that break the plan's rules, and records that would move.
 * Each refusal is the mutation's alone and changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebuildRecordScopes } from '../../../src/server/sync/recordScope.ts';
import type { Mutation, SyncResponse } from '../../../src/sync/protocol.ts';
import { readStoredFields, type TempDatabase } from '../../support/serverFixtures.ts';
import {
  addUser,
  createScopeWorld,
  deviceMutation,
  MUNICIPALITY_1,
  MUNICIPALITY_2,
  syncAs,
} from '../../support/scopeFixtures.ts';
import {
  activityFields,
  goalFields,
  planFields,
  progressFields,
  recordRowCounts,
  storePlan,
  type StoredPlan,
} from './mapSyncWorld.ts';

function outcomes(reply: SyncResponse): string[] {
  return reply.results.map((result) => result.code ?? result.status);
}

describe('Municipal Action Plan write rules', () => {
  let world: TempDatabase;
  /** Coordinator of both municipalities: every refusal here is about the record, not about who writes it. */
  let coordinator: string;
  let plan: StoredPlan;
  let otherPlan: StoredPlan;
  beforeEach(async () => {
    world = await createScopeWorld();
    coordinator = await addUser(world.db, [
      { role: 'coordinator', municipalityId: MUNICIPALITY_1 },
      { role: 'coordinator', municipalityId: MUNICIPALITY_2 },
    ]);
    plan = await storePlan(world.db, MUNICIPALITY_1);
    otherPlan = await storePlan(world.db, MUNICIPALITY_2);
  });
  afterEach(async () => {
    await world.cleanup();
  });

  async function expectRefused(mutations: Mutation[], codes: string[]): Promise<void> {
    const before = await recordRowCounts(world.db);
    const reply = await syncAs(world.db, coordinator, { mutations, cursor: 1_000_000 });
    expect(outcomes(reply)).toEqual(codes);
    expect(await recordRowCounts(world.db)).toEqual(before);
  }

  it('refuses records naming a plan, goal, activity or municipality the server does not hold', async () => {
    const nowhere = randomUUID();
    await expectRefused(
      [
        deviceMutation('mapGoal', randomUUID(), 'create', goalFields(nowhere)),
        deviceMutation('mapActivity', randomUUID(), 'create', activityFields(plan.planId, nowhere)),
        deviceMutation('mapProgress', randomUUID(), 'create', progressFields(plan.planId, nowhere)),
        deviceMutation('mapPlan', randomUUID(), 'create', planFields(nowhere)),
        deviceMutation('mapGoal', randomUUID(), 'set', { title: 'A goal never created' }),
      ],
      ['invalid_fields', 'invalid_fields', 'invalid_fields', 'invalid_fields', 'not_found'],
    );
  });

  it("refuses records that break the plan's rules", async () => {
    const { planId, goalId } = plan;
    const { title, ...untitled } = planFields(MUNICIPALITY_1);
    void title;
    await expectRefused(
      [
        deviceMutation('mapPlan', randomUUID(), 'create', untitled),
        deviceMutation('mapPlan', randomUUID(), 'create', planFields(MUNICIPALITY_1, { periodEnd: '2025-12-31' })),
        deviceMutation('mapPlan', randomUUID(), 'create', planFields(MUNICIPALITY_1, { status: 'adopted' })),
        deviceMutation('mapPlan', planId, 'set', { status: 'adopted', actReference: '01-016/26-1234' }),
        deviceMutation(
          'mapActivity',
          randomUUID(),
          'create',
          activityFields(planId, goalId, { indicatorSource: 'identifiedAtRisk', unit: 'percent' }),
        ),
        deviceMutation(
          'mapActivity',
          randomUUID(),
          'create',
          activityFields(planId, goalId, { indicatorSource: 'backToAttendance', unit: 'percent', target: 120 }),
        ),
        deviceMutation('mapActivity', plan.activityId, 'set', { startDate: '2029-01-01' }),
      ],
      Array.from({ length: 7 }, () => 'invalid_fields'),
    );
    // The same plan adopted with its act's date as well is taken.
    const adopted = { status: 'adopted', actReference: '01-016/26-1234', adoptedOn: '2026-03-15' };
    const reply = await syncAs(world.db, coordinator, {
      mutations: [deviceMutation('mapPlan', planId, 'set', adopted)],
      cursor: 1_000_000,
    });
    expect(outcomes(reply)).toEqual(['applied']);
  });

  it('refuses ties between two plans: a goal or an activity of another plan', async () => {
    const { planId } = plan;
    await expectRefused(
      [
        deviceMutation('mapActivity', randomUUID(), 'create', activityFields(planId, otherPlan.goalId)),
        deviceMutation('mapProgress', randomUUID(), 'create', progressFields(planId, otherPlan.activityId)),
        deviceMutation('mapActivity', plan.activityId, 'set', { goalId: otherPlan.goalId }),
        deviceMutation('mapProgress', plan.progressId, 'set', { activityId: otherPlan.activityId }),
      ],
      Array.from({ length: 4 }, () => 'invalid_fields'),
    );
  });

  it("never moves a plan to another municipality, nor a plan's records to another plan", async () => {
    const placesBefore = await world.db.selectFrom('record_scope').selectAll().orderBy('entity_id').execute();
    await expectRefused(
      [
        deviceMutation('mapPlan', plan.planId, 'set', { municipalityId: MUNICIPALITY_2 }),
        deviceMutation('mapPlan', plan.planId, 'set', { municipalityId: MUNICIPALITY_2, title: 'Moved' }),
        deviceMutation('mapGoal', plan.goalId, 'set', { planId: otherPlan.planId }),
        deviceMutation('mapActivity', plan.activityId, 'set', { planId: otherPlan.planId, goalId: otherPlan.goalId }),
        deviceMutation('mapProgress', plan.progressId, 'set', { planId: otherPlan.planId }),
      ],
      Array.from({ length: 5 }, () => 'invalid_fields'),
    );
    expect(await readStoredFields(world.db, 'mapPlan', plan.planId)).toMatchObject({ municipalityId: MUNICIPALITY_1 });
    expect(await world.db.selectFrom('record_scope').selectAll().orderBy('entity_id').execute()).toEqual(placesBefore);
    // Naming the municipality it already has is no move.
    const same = deviceMutation('mapPlan', plan.planId, 'set', { municipalityId: MUNICIPALITY_1, title: 'Kept' });
    expect(outcomes(await syncAs(world.db, coordinator, { mutations: [same], cursor: 1_000_000 }))).toEqual([
      'applied',
    ]);
  });

  it("rebuilds the plan's places from its fields as upkeep left them", async () => {
    const kept = await world.db.selectFrom('record_scope').selectAll().orderBy('entity').orderBy('entity_id').execute();
    expect(kept.filter((row) => row.municipality_id !== null)).toHaveLength(8);
    await rebuildRecordScopes(world.db);
    const rebuilt = await world.db
      .selectFrom('record_scope')
      .selectAll()
      .orderBy('entity')
      .orderBy('entity_id')
      .execute();
    expect(rebuilt).toEqual(kept);
  });
});
