import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAccount, saveSignIn } from '../../../src/storage/accountRepository.ts';
import { createVault } from '../../../src/storage/deviceVault.ts';
import { recordExport } from '../../../src/storage/exportLog.ts';
import { addMapActivity, addMapGoal, addMapPlan, addMapProgress } from '../../../src/storage/mapRepository.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import { getClientId, nextHlc } from '../../../src/storage/syncMeta.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { wipeDevice } from '../../../src/storage/wipeDevice.ts';
import { makeMapActivity, makeMapGoal, makeMapPlan, makeMapProgress } from '../../support/mapFixtures.ts';
import { schoolTeamScope, seedPulledCaseload, sessionInfoFor, tableCounts } from '../../support/clientSessionDevice.ts';
import { freshDatabase, makeStudentFields } from '../../support/clientFixtures.ts';
import { testRecoverySecret } from '../../support/testDataKey.ts';

let db: UraDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('wipeDevice', () => {
  it('leaves nothing in any table: records, outbox, drafts, summaries, index, account and client id', async () => {
    // A vault first, so the rows below are sealed with its key.
    await createVault(db, '482915', testRecoverySecret(), '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f5001');
    const seeded = await seedPulledCaseload(db);
    await saveSignIn(db, sessionInfoFor('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f5001', schoolTeamScope(seeded.schoolA)), 1);
    await createStudent(db, makeStudentFields({ schoolId: seeded.schoolA }));
    await nextHlc(db);
    // A coordinator's kept figures, Action Plan records and an export not yet in the audit trail go too.
    await db.dashboards.put({ key: `school:${seeded.schoolA}`, computedAt: 1, figures: {}, savedAt: 1 });
    const plan = makeMapPlan();
    await addMapPlan(db, plan);
    await addMapGoal(db, makeMapGoal(plan.id));
    const activity = makeMapActivity(plan.id, (await db.mapGoals.toArray())[0]?.id ?? '');
    await addMapActivity(db, activity);
    await addMapProgress(db, makeMapProgress(plan.id, activity.id));
    await recordExport(db, {
      id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f5002',
      kind: 'caseList',
      rows: 3,
      caseId: null,
      schoolId: seeded.schoolA,
      municipalityId: null,
      at: 1,
    });
    const clientId = await getClientId(db);
    const before = await tableCounts(db);
    // Every table holds something, so an empty one after the wipe proves it was cleared.
    expect(Object.entries(before).filter(([, count]) => count === 0)).toEqual([]);

    await wipeDevice(db);

    expect(Object.values(await tableCounts(db))).toEqual(db.tables.map(() => 0));
    expect(await loadAccount(db)).toBeNull();
    // The next sign-in starts as a new device.
    expect(await getClientId(db)).not.toBe(clientId);
  });
});
