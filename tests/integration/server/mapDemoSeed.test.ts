/**
 * The demo Municipal Action Plan (src/server/seed/demoMap.ts): Ferizaj's plan
 * as the demo brief sets it out, reaching the demo coordinator and no other
 * demo account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/server/seed/demoAccounts.ts';
import { DEMO_MAP_IDS } from '../../../src/server/seed/demoMap.ts';
import { DEMO_MUNICIPALITY_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { seedDemoData, seedMissingDemoMap } from '../../../src/server/seed/seedDemoData.ts';
import { MAP_ENTITIES } from '../../../src/sync/protocol.ts';
import { createTempDatabase, OTHER_CLIENT_ID, TEST_NOW, type TempDatabase } from '../../support/serverFixtures.ts';
import { pullAll } from '../../support/scopeFixtures.ts';
import { mapKeysOf } from './mapSyncWorld.ts';

const ID = DEMO_MAP_IDS;

describe('the demo Municipal Action Plan', () => {
  let temp: TempDatabase;
  // Seeded once: every test only reads. The whole demo seed takes seconds on a busy PostgreSQL.
  beforeAll(async () => {
    temp = await createTempDatabase();
    await seedDemoData(temp.db, TEST_NOW);
  }, 60_000);
  afterAll(async () => {
    await temp.cleanup();
  });

  it("reaches the demo coordinator as Ferizaj's adopted plan with two goals, four activities and three reports", async () => {
    const { records } = await pullAll(temp.db, DEMO_USER_IDS.coordinator, { limit: 5000 });
    const map = mapKeysOf(records.keys());
    expect(map.filter((key) => key.startsWith('mapPlan:'))).toEqual([`mapPlan:${ID.plan}`]);
    expect(map.filter((key) => key.startsWith('mapGoal:'))).toHaveLength(2);
    expect(map.filter((key) => key.startsWith('mapActivity:'))).toHaveLength(4);
    expect(map.filter((key) => key.startsWith('mapProgress:'))).toHaveLength(3);
    expect(records.get(`mapPlan:${ID.plan}`)).toEqual({
      municipalityId: DEMO_MUNICIPALITY_IDS.ferizaj,
      title: 'Plani i veprimit për parandalimin e braktisjes 2026–2028',
      periodStart: '2026-01-01',
      periodEnd: '2028-12-31',
      status: 'adopted',
      actReference: '01-016/26-1234',
      adoptedOn: '2026-03-15',
    });
    expect(records.get(`mapGoal:${ID.support}`)).toEqual({
      planId: ID.plan,
      title: 'Mbështetja e nxënësve dhe familjeve',
      position: 2,
      removed: false,
    });
    expect(records.get(`mapActivity:${ID.planWithinDeadline}`)).toMatchObject({
      goalId: ID.earlyIdentification,
      responsible: 'Ekipet shkollore',
      budget: null,
      indicatorSource: 'planWithinDeadline',
      unit: 'percent',
      baseline: 40,
      target: 90,
    });
    expect(records.get(`mapActivity:${ID.homeVisits}`)).toMatchObject({
      goalId: ID.support,
      title: 'Vizita në shtëpi nga mentorët e OSHC-ve',
      budget: 8000,
      indicatorSource: 'manual',
      unit: 'count',
      target: 60,
    });
    const reports = [ID.homeVisitsQ2, ID.homeVisitsQ3, ID.riskIdentificationQ3].map((id) => {
      const report = records.get(`mapProgress:${id}`);
      return [report?.activityId, report?.period, report?.value, report?.recordedBy];
    });
    expect(reports).toEqual([
      [ID.homeVisits, '2026-Q2', 14, 'Koordinatori komunal'],
      [ID.homeVisits, '2026-Q3', 27, 'Koordinatori komunal'],
      [ID.riskIdentification, '2026-Q3', 31, 'Koordinatori komunal'],
    ]);
  }, 30_000);

  it('reaches none of the other demo accounts', async () => {
    for (const login of ['team', 'teacher', 'mentor', 'admin'] as const) {
      const { records } = await pullAll(temp.db, DEMO_USER_IDS[login], { clientId: OTHER_CLIENT_ID, limit: 5000 });
      expect(records.size, login).toBeGreaterThan(0);
      expect(mapKeysOf(records.keys()), login).toEqual([]);
    }
  }, 30_000);

  it('places every record of the plan in Ferizaj', async () => {
    const rows = await temp.db
      .selectFrom('record_scope')
      .select(['entity', 'municipality_id'])
      .where('municipality_id', 'is not', null)
      .execute();
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((row) => row.municipality_id))).toEqual(new Set([DEMO_MUNICIPALITY_IDS.ferizaj]));
  });

  it('adds the plan, once, to a demo database from before it, and to no other database', async () => {
    expect(await seedMissingDemoMap(temp.db, TEST_NOW)).toBe(false);
    for (const table of ['entity_field', 'change_log', 'record_scope'] as const) {
      await temp.db.deleteFrom(table).where('entity', 'in', MAP_ENTITIES).execute();
    }
    expect(await seedMissingDemoMap(temp.db, TEST_NOW + 1000)).toBe(true);
    const { records } = await pullAll(temp.db, DEMO_USER_IDS.coordinator, { limit: 5000 });
    expect(mapKeysOf(records.keys())).toHaveLength(10);
    expect(await seedMissingDemoMap(temp.db, TEST_NOW + 2000)).toBe(false);

    const empty = await createTempDatabase();
    try {
      expect(await seedMissingDemoMap(empty.db, TEST_NOW)).toBe(false);
      const stored = await empty.db.selectFrom('entity_field').select('entity').limit(1).execute();
      expect(stored).toEqual([]);
    } finally {
      await empty.cleanup();
    }
  }, 30_000);
});
