import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_SCOPE, type AccessScope } from '../../../src/domain/accessScope.ts';
import { saveSignIn } from '../../../src/storage/accountRepository.ts';
import { applyAccessScope, removeScopeLeftovers } from '../../../src/storage/applyAccessScope.ts';
import { applyRemoteChanges } from '../../../src/storage/applyRemoteChanges.ts';
import { addMapGoal, addMapPlan } from '../../../src/storage/mapRepository.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { changeOf, freshDatabase, remoteHlc } from '../../support/clientFixtures.ts';
import { sessionInfoFor } from '../../support/clientSessionDevice.ts';
import { makeMapActivity, makeMapGoal, makeMapPlan, makeMapProgress } from '../../support/mapFixtures.ts';

const FERIZAJ = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f7001';
const GJILAN = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f7002';

function coordinatorOf(...municipalityIds: string[]): AccessScope {
  return { ...EMPTY_SCOPE, version: 7, roles: ['coordinator'], municipalityIds };
}

const USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f7003';

let db: UraDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await saveSignIn(db, sessionInfoFor(USER, coordinatorOf(FERIZAJ, GJILAN)), 1);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** A plan of `municipalityId` pulled from the server, with a goal, an activity and a progress entry. */
async function pullPlan(municipalityId: string) {
  const plan = makeMapPlan({ municipalityId });
  const goal = makeMapGoal(plan.id);
  const activity = makeMapActivity(plan.id, goal.id);
  const progress = makeMapProgress(plan.id, activity.id);
  const hlc = remoteHlc(Date.parse('2026-10-01T08:00:00Z'));
  const strip = <T extends { id: string }>({ id, ...fields }: T) => ({ id, fields });
  const changes = [
    ['mapPlan', plan],
    ['mapGoal', goal],
    ['mapActivity', activity],
    ['mapProgress', progress],
  ] as const;
  await applyRemoteChanges(
    db,
    changes.map(([entity, record]) => changeOf(entity, strip(record).id, strip(record).fields, hlc)),
    5,
  );
  return { plan, goal, activity, progress };
}

async function held() {
  return {
    plans: await db.mapPlans.count(),
    goals: await db.mapGoals.count(),
    activities: await db.mapActivities.count(),
    progress: await db.mapProgress.count(),
  };
}

describe('Action Plan records and the access scope', () => {
  it('stores pulled plan records in their tables', async () => {
    const { plan, activity } = await pullPlan(FERIZAJ);
    expect(await db.mapPlans.get(plan.id)).toMatchObject({ municipalityId: FERIZAJ, title: plan.title });
    expect(await db.mapActivities.get(activity.id)).toMatchObject({ goalId: activity.goalId, target: 60 });
    expect(await held()).toEqual({ plans: 1, goals: 1, activities: 1, progress: 1 });
  });

  it('keeps the plans of the scope’s municipalities and removes the others with everything under them', async () => {
    const kept = await pullPlan(FERIZAJ);
    await pullPlan(GJILAN);
    expect(await applyAccessScope(db, coordinatorOf(FERIZAJ))).toBe(4);
    expect(await held()).toEqual({ plans: 1, goals: 1, activities: 1, progress: 1 });
    expect(await db.mapPlans.get(kept.plan.id)).toBeDefined();
  });

  it('removes every plan when the coordinator role ends, but keeps what a pending change still writes', async () => {
    const { plan } = await pullPlan(FERIZAJ);
    const own = makeMapPlan({ municipalityId: FERIZAJ });
    await addMapPlan(db, own);
    await addMapGoal(db, makeMapGoal(own.id));
    const teacher: AccessScope = { ...EMPTY_SCOPE, version: 8, roles: ['teacher'] };
    expect(await applyAccessScope(db, teacher)).toBe(4);
    expect(await db.mapPlans.get(plan.id)).toBeUndefined();
    expect(await db.mapPlans.get(own.id)).toBeDefined();
    expect(await held()).toEqual({ plans: 1, goals: 1, activities: 0, progress: 0 });
    // Once the changes are sent (or refused), the leftovers go.
    await db.outbox.clear();
    expect(await removeScopeLeftovers(db)).toBe(2);
    expect(await held()).toEqual({ plans: 0, goals: 0, activities: 0, progress: 0 });
  });
});
