import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMapActivity,
  addMapGoal,
  addMapPlan,
  addMapProgress,
  changeMapActivity,
  changeMapPlan,
} from '../../../src/storage/mapRepository.ts';
import { mapPlanContents, mapPlansOf } from '../../../src/storage/mapQueries.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { freshDatabase } from '../../support/clientFixtures.ts';
import { makeMapActivity, makeMapGoal, makeMapPlan, makeMapProgress } from '../../support/mapFixtures.ts';

let db: UraDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function outbox() {
  return (await db.outbox.toArray()).map(({ mutation }) => ({
    entity: mutation.entity,
    op: mutation.op,
    entityId: mutation.entityId,
    fields: mutation.fields,
  }));
}

describe('Action Plan writes', () => {
  it('stores a plan with its outbox row in one go, and a second save of the same id writes nothing', async () => {
    const plan = makeMapPlan();
    const first = await addMapPlan(db, plan);
    expect(first.ok).toBe(true);
    expect(await addMapPlan(db, plan)).toMatchObject({ ok: true });
    const { id, ...fields } = plan;
    expect(await outbox()).toEqual([{ entity: 'mapPlan', op: 'create', entityId: id, fields }]);
    expect(await db.mapPlans.get(id)).toMatchObject(fields);
  });

  it('refuses bad input with the field named, and stores nothing', async () => {
    const result = await addMapPlan(db, makeMapPlan({ title: '', periodEnd: '2020-01-01' }));
    expect(result).toEqual({ ok: false, errors: { title: 'required' } });
    const backwards = await addMapPlan(db, makeMapPlan({ periodEnd: '2020-01-01' }));
    expect(backwards).toEqual({ ok: false, errors: { periodEnd: 'endBeforeStart' } });
    expect(await db.mapPlans.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('syncs only the fields an edit changed, and checks the record as a whole', async () => {
    const plan = makeMapPlan();
    await addMapPlan(db, plan);
    const refused = await changeMapPlan(db, plan.id, { status: 'adopted' });
    expect(refused).toEqual({ ok: false, errors: { actReference: 'adoptionRequired', adoptedOn: 'adoptionRequired' } });
    const adopted = await changeMapPlan(db, plan.id, {
      status: 'adopted',
      actReference: '01-016/26-1234',
      adoptedOn: '2026-03-15',
      title: plan.title,
    });
    expect(adopted).toMatchObject({ ok: true, record: { status: 'adopted', actReference: '01-016/26-1234' } });
    const rows = await outbox();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({
      entity: 'mapPlan',
      op: 'set',
      entityId: plan.id,
      fields: { status: 'adopted', actReference: '01-016/26-1234', adoptedOn: '2026-03-15' },
    });
    // An edit that changes nothing writes nothing.
    await changeMapPlan(db, plan.id, { title: plan.title });
    expect(await db.outbox.count()).toBe(2);
  });

  it('reads a plan with its goals in order, leaving out what was removed', async () => {
    const plan = makeMapPlan();
    await addMapPlan(db, plan);
    const second = makeMapGoal(plan.id, { title: 'Mbështetja', position: 2 });
    const first = makeMapGoal(plan.id, { title: 'Identifikimi', position: 1 });
    const gone = makeMapGoal(plan.id, { title: 'E hequr', position: 3 });
    for (const goal of [second, first, gone]) await addMapGoal(db, goal);
    const kept = makeMapActivity(plan.id, first.id);
    const dropped = makeMapActivity(plan.id, first.id, { title: 'E hequr' });
    const underGone = makeMapActivity(plan.id, gone.id);
    for (const activity of [kept, dropped, underGone]) await addMapActivity(db, activity);
    await changeMapActivity(db, dropped.id, { removed: true });
    const { id: goneId } = gone;
    await db.mapGoals.update(goneId, { removed: true });
    await addMapProgress(db, makeMapProgress(plan.id, kept.id));

    const contents = await mapPlanContents(db, plan.id);
    expect(contents?.goals.map((goal) => goal.title)).toEqual(['Identifikimi', 'Mbështetja']);
    expect(contents?.activities.map((activity) => activity.id)).toEqual([kept.id]);
    expect(contents?.progress).toHaveLength(1);
    expect(await mapPlanContents(db, 'missing')).toBeUndefined();
  });

  it('lists a municipality’s plans, the newest period first', async () => {
    const older = makeMapPlan({ periodStart: '2023-01-01', periodEnd: '2025-12-31' });
    const newer = makeMapPlan({ municipalityId: older.municipalityId });
    const elsewhere = makeMapPlan();
    for (const plan of [older, newer, elsewhere]) await addMapPlan(db, plan);
    expect((await mapPlansOf(db, older.municipalityId)).map((plan) => plan.id)).toEqual([newer.id, older.id]);
    expect(await mapPlansOf(db)).toHaveLength(3);
  });
});
