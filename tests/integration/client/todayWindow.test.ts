import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followUpsFromIndex } from '../../../src/domain/followUpsFromIndex.ts';
import type { FollowUps } from '../../../src/domain/followUps.ts';
import { isDerivedStale } from '../../../src/storage/derivedStaleFlag.ts';
import { rebuildStaleDerivedTables } from '../../../src/storage/derivedTables.ts';
import { loadToday } from '../../../src/storage/followUpQuery.ts';
import { TODAY_COUNT_CAP, TODAY_LISTS, TODAY_WINDOW } from '../../../src/storage/todayWindow.ts';
import { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import type { ScreeningRow } from '../../../src/storage/caseworkRecords.ts';
import { freshDatabase, seedSchool } from '../../support/clientFixtures.ts';
import { LEGACY_STORES } from '../../support/legacySchemas.ts';
import { unlockedForTest } from '../../support/testDataKey.ts';
import {
  seedCaseRow,
  seedManyPlanActions,
  seedPlanActionRow,
  seedScreeningRow,
  seedStudentRow,
  seedVisitRow,
} from '../../support/todayFixtures.ts';

const TODAY = '2026-03-10';
const LEVELS = ['low', 'medium', 'high'] as const;

let db: UraDatabase;

beforeEach(() => {
  db = freshDatabase();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const day = (offset: number): string => {
  const date = new Date(Date.UTC(2026, 2, 10 + offset));
  return date.toISOString().slice(0, 10);
};

/**
 * Forty-five cases with over thirty items in several lists: plan actions from
 * five weeks ago to two weeks ahead, next visits, deadlines (cases flagged long
 * ago), a few closed cases, and forty students whose risk rose, some on the same day.
 */
async function seedBusyDevice(): Promise<void> {
  const schoolId = (await seedSchool(db, { country: 'XK' })).id;
  for (let index = 0; index < 45; index += 1) {
    const studentId = await seedStudentRow(db, schoolId, `Ana ${index}`, 'Krasniqi');
    const closed = index % 9 === 8;
    const overrides = closed
      ? { status: 'closed' as const, closedAt: day(-2), closureReason: 'completed' as const }
      : index % 3 === 0
        ? { status: 'flagged' as const, flaggedAt: day(-(index % 12)), openedAt: null }
        : {};
    const caseId = await seedCaseRow(db, studentId, schoolId, overrides);
    for (let action = 0; action < 3; action += 1) {
      await seedPlanActionRow(db, caseId, { dueDate: day(((index * 7 + action * 11) % 50) - 35) });
    }
    await seedVisitRow(db, caseId, { visitDate: day(-9), nextVisitDate: day((index % 12) - 4) });
    if (index < 40) {
      await seedScreeningRow(db, studentId, LEVELS[index % 2] ?? 'low', '2025-11-20', '2025-2026/1');
      await seedScreeningRow(db, studentId, 'high', day(-(index % 4)), '2025-2026/2');
    }
  }
}

/** Every list in full, the way Today computed it before the window: from every due entry. */
async function everything(): Promise<FollowUps> {
  const entries = await db.caseIndex.toArray();
  const screenings: ScreeningRow[] = await db.screenings.toArray();
  const caseByStudent = new Map<string, string>();
  for (const entry of entries) if (entry.status !== 'closed') caseByStudent.set(entry.studentId, entry.caseId);
  return followUpsFromIndex({ today: TODAY, entries, screenings, caseByStudent });
}

describe('Today reads a window of each list', () => {
  it('brings the first thirty items of each list, in order, and every list’s full count', async () => {
    await seedBusyDevice();
    const all = await everything();
    const { followUps, totals } = await loadToday(db, TODAY);

    for (const list of TODAY_LISTS) {
      expect({ list, total: totals[list] }).toEqual({ list, total: all[list].length });
      expect({ list, items: followUps[list] }).toEqual({ list, items: all[list].slice(0, TODAY_WINDOW) });
    }
    // The window matters: these lists hold more than it shows.
    expect(all.overdue.length).toBeGreaterThan(TODAY_WINDOW);
    expect(all.thisWeek.length).toBeGreaterThan(TODAY_WINDOW);
    expect(all.riskRose.length).toBeGreaterThan(TODAY_WINDOW);
    expect(all.deadlinesSoon.length).toBeGreaterThan(0);
  });

  it('brings a whole list when asked, and only that one', async () => {
    await seedBusyDevice();
    const all = await everything();
    const { followUps, totals, students, interventions } = await loadToday(db, TODAY, new Set(['overdue', 'riskRose']));

    expect(followUps.overdue).toEqual(all.overdue);
    expect(followUps.riskRose).toEqual(all.riskRose);
    expect(followUps.thisWeek).toEqual(all.thisWeek.slice(0, TODAY_WINDOW));
    expect(totals.overdue).toBe(all.overdue.length);
    // Every card has its student's name and, for a plan action, its intervention.
    for (const item of [...followUps.overdue, ...followUps.thisWeek]) {
      expect(students.get(item.studentId)?.familyName).toBe('Krasniqi');
      if (item.kind === 'planAction') expect(interventions.has(item.refId)).toBe(true);
    }
  });

  it('follows a change: an action marked done leaves its list and its count', async () => {
    const schoolId = (await seedSchool(db, { country: 'XK' })).id;
    const studentId = await seedStudentRow(db, schoolId, 'Besa', 'Gashi');
    const caseId = await seedCaseRow(db, studentId, schoolId);
    const actionId = await seedPlanActionRow(db, caseId, { dueDate: day(-1) });
    expect((await loadToday(db, TODAY)).followUps.overdue.map((item) => item.refId)).toEqual([actionId]);

    await db.planActions.update(actionId, { status: 'done', outcome: 'achieved' });
    const { refreshCaseIndex } = await import('../../../src/storage/caseIndex.ts');
    await refreshCaseIndex(db, { caseIds: [caseId] });
    const { followUps, totals } = await loadToday(db, TODAY);
    expect(followUps.overdue).toEqual([]);
    expect(totals.overdue).toBe(0);
  });
});

describe('a list longer than Today counts', () => {
  it('says it holds at least the cap, still shows its first items, and counts all of it when asked', async () => {
    const schoolId = (await seedSchool(db, { country: 'XK' })).id;
    const studentId = await seedStudentRow(db, schoolId, 'Besa', 'Gashi');
    const caseId = await seedCaseRow(db, studentId, schoolId);
    await seedManyPlanActions(db, caseId, TODAY_COUNT_CAP + 2, day(-3));
    const all = await everything();

    const first = await loadToday(db, TODAY);
    expect(first.totals.overdue).toBe(TODAY_COUNT_CAP);
    expect(first.capped).toEqual(new Set(['overdue']));
    expect(first.followUps.overdue).toEqual(all.overdue.slice(0, TODAY_WINDOW));

    const whole = await loadToday(db, TODAY, new Set(['overdue']));
    expect(whole.totals.overdue).toBe(TODAY_COUNT_CAP + 2);
    expect(whole.capped).toEqual(new Set());
    expect(whole.followUps.overdue).toEqual(all.overdue);
  });

  it('counts a list of exactly the cap exactly', async () => {
    const schoolId = (await seedSchool(db, { country: 'XK' })).id;
    const studentId = await seedStudentRow(db, schoolId, 'Besa', 'Gashi');
    const caseId = await seedCaseRow(db, studentId, schoolId);
    await seedManyPlanActions(db, caseId, TODAY_COUNT_CAP, day(2));
    const { totals, capped } = await loadToday(db, TODAY);
    expect(totals.thisWeek).toBe(TODAY_COUNT_CAP);
    expect(capped.has('thisWeek')).toBe(false);
  });
});

describe('a phone upgraded from version 9', () => {
  let name = '';
  afterEach(async () => {
    if (name !== '') await Dexie.delete(name);
  });

  it('shows the same lists before and after the first unlock rebuilds its index', async () => {
    await seedBusyDevice();
    const all = await everything();
    // The device as version 9 held it: the same records, its index entries without due keys.
    name = `ura-v9-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(9).stores(LEGACY_STORES[9] ?? {});
    await old.open();
    for (const table of db.tables) {
      const rows = (await table.toArray()) as Record<string, unknown>[];
      const legacy = rows.map((row) => {
        const rest = { ...row };
        for (const field of ['dueKeys', 'deadlineDues', 'riseOrder']) delete rest[field];
        return rest;
      });
      if (old.tables.some((each) => each.name === table.name)) await old.table(table.name).bulkPut(legacy);
    }
    old.close();

    const upgraded = unlockedForTest(new UraDatabase(name));
    await upgraded.open();
    expect(await isDerivedStale(upgraded)).toBe(true);
    // Before the rebuild, Today reads every due entry: the same lists.
    const before = await loadToday(upgraded, TODAY);
    for (const list of TODAY_LISTS) {
      expect(before.totals[list]).toBe(all[list].length);
      expect(before.followUps[list]).toEqual(all[list].slice(0, TODAY_WINDOW));
    }

    expect(await rebuildStaleDerivedTables(upgraded)).toBe(true);
    expect(await isDerivedStale(upgraded)).toBe(false);
    expect(await rebuildStaleDerivedTables(upgraded)).toBe(false);
    expect(await upgraded.caseIndex.where('dueKeys').between(-Infinity, [TODAY]).count()).toBe(all.overdue.length);
    const after = await loadToday(upgraded, TODAY);
    expect(after.totals).toEqual(before.totals);
    expect(after.followUps).toEqual(before.followUps);
    upgraded.close();
  });
});
