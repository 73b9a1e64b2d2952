import { afterEach, describe, expect, it } from 'vitest';
import { buildCaseIndex } from '../../../src/domain/caseIndex.ts';
import { screeningSummariesOf, visitSummariesOf } from '../../../src/domain/caseworkSummaries.ts';
import { applyRemoteChanges } from '../../../src/storage/applyRemoteChanges.ts';
import { isDerivedStale } from '../../../src/storage/derivedStaleFlag.ts';
import { rebuildStaleDerivedTables } from '../../../src/storage/derivedTables.ts';
import { getCursor, META_KEYS } from '../../../src/storage/syncMeta.ts';
import { DERIVED_STALE_KEY, UraDatabase } from '../../../src/storage/UraDatabase.ts';
import type { Change } from '../../../src/sync/protocol.ts';
import { freshDatabase } from '../../support/clientFixtures.ts';
import { firstSyncPages } from '../../support/firstSyncPages.ts';

/**
 * A first sync may leave the derived tables (visit and screening summaries,
 * case index) for one rebuild at the end. Whatever way the pull ends, they
 * must equal those of a device that refreshed them page by page.
 */
const pages = firstSyncPages();
const opened: UraDatabase[] = [];

function database(): UraDatabase {
  const db = freshDatabase();
  opened.push(db);
  return db;
}

afterEach(async () => {
  const done = opened.splice(0);
  // All closed first: deleting one would otherwise close another open on the same name.
  for (const db of done) db.close();
  for (const db of done) await db.delete();
});

const byKey = <T>(rows: T[], key: (row: T) => string): T[] => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

async function derivedOf(db: UraDatabase) {
  return {
    caseIndex: byKey(await db.caseIndex.toArray(), (row) => row.caseId),
    visitSummaries: byKey(await db.visitSummaries.toArray(), (row) => row.caseId),
    screeningSummaries: byKey(await db.screeningSummaries.toArray(), (row) => row.studentId),
  };
}

/** The derived tables rebuilt from the records alone, as a check on the device that refreshed them. */
async function derivedFromRecords(db: UraDatabase) {
  const visitSummaries = visitSummariesOf(await db.homeVisits.toArray());
  const screeningSummaries = screeningSummariesOf(await db.screenings.toArray());
  const caseIndex = buildCaseIndex({
    cases: await db.cases.toArray(),
    students: await db.students.toArray(),
    schools: await db.schools.toArray(),
    screeningLevels: screeningSummaries,
    planActions: await db.planActions.toArray(),
    visitSummaries,
  });
  return {
    caseIndex: byKey(caseIndex, (row) => row.caseId),
    visitSummaries: byKey(visitSummaries, (row) => row.caseId),
    screeningSummaries: byKey(screeningSummaries, (row) => row.studentId),
  };
}

/** Applies pages `from` to `to` (exclusive) with their cursors; the cursor after page i is i + 1. */
async function apply(db: UraDatabase, from: number, to: number, deferDerived?: boolean): Promise<void> {
  for (let index = from; index < to; index += 1) {
    const options = deferDerived === undefined ? undefined : { deferDerived };
    await applyRemoteChanges(db, pages[index] as Change[], index + 1, options);
  }
}

/** A device that applied the first `count` pages as before, refreshing the derived tables page by page. */
async function referenceAfter(count: number) {
  const db = database();
  await apply(db, 0, count);
  return derivedOf(db);
}

const last = pages.length - 1;
const half = pages.length >> 1;

describe('a first sync that defers the derived tables', () => {
  it('pulls a caseload with all that the derived tables show', async () => {
    const whole = await referenceAfter(pages.length);
    expect(pages.length).toBeGreaterThan(10);
    expect(whole.caseIndex).toHaveLength(12);
    expect(whole.caseIndex.filter((entry) => entry.nextVisit !== null).length).toBeGreaterThan(3);
    expect(whole.screeningSummaries.filter((summary) => summary.riseOrder !== undefined)).toHaveLength(12);
  });

  it('rebuilds them at the last page, equal to refreshing them page by page', async () => {
    const db = database();
    await apply(db, 0, last, true);
    await apply(db, last, pages.length);

    expect(await derivedOf(db)).toEqual(await referenceAfter(pages.length));
    expect(await isDerivedStale(db)).toBe(false);
    expect(await getCursor(db)).toBe(pages.length);
  });

  it('leaves the flag when interrupted between deferred pages, and the next unlock rebuilds them all', async () => {
    const db = database();
    await apply(db, 0, half, true);

    // Deferred pages write the records, the HLC they saw and the cursor, and leave the derived tables alone.
    expect(await db.meta.get(DERIVED_STALE_KEY)).toEqual({ key: DERIVED_STALE_KEY, value: true });
    expect(await getCursor(db)).toBe(half);
    const newest = pages.slice(0, half).flatMap((page) => page.flatMap((change) => Object.values(change.hlcs)));
    expect((await db.meta.get(META_KEYS.acceptedHlc))?.value).toBe(newest.sort().at(-1));
    expect(await db.students.count()).toBeGreaterThan(0);
    expect(await derivedOf(db)).toEqual({ caseIndex: [], visitSummaries: [], screeningSummaries: [] });

    expect(await rebuildStaleDerivedTables(db)).toBe(true);
    expect(await derivedOf(db)).toEqual(await referenceAfter(half));
    expect(await isDerivedStale(db)).toBe(false);
  });

  it('resumes after a restart and a failed page, and ends equal with the flag cleared', async () => {
    const db = database();
    await apply(db, 0, half, true);
    // The app is closed mid-pull and opened again with the same key: the flag is on disk.
    const key = db.dataKey.keyForWrapping().slice();
    db.close();
    const reopened = new UraDatabase(db.name);
    reopened.dataKey.unlock(key);
    opened.push(reopened);
    expect(await isDerivedStale(reopened)).toBe(true);

    // A page that fails leaves the cursor and the flag as they were.
    const broken = () => {
      throw new Error('broken');
    };
    reopened.homeVisits.hook('creating', broken);
    await expect(apply(reopened, half, last, true)).rejects.toThrow('broken');
    reopened.homeVisits.hook('creating').unsubscribe(broken);
    const cursor = await getCursor(reopened);
    expect(cursor).toBeLessThan(last);
    expect(await isDerivedStale(reopened)).toBe(true);

    await apply(reopened, cursor, last, true);
    await apply(reopened, last, pages.length);
    expect(await derivedOf(reopened)).toEqual(await referenceAfter(pages.length));
    expect(await isDerivedStale(reopened)).toBe(false);
  });
});

describe('pages applied without the option', () => {
  it('keep the derived tables right after every page and never write the flag', async () => {
    const db = database();
    for (let index = 0; index < pages.length; index += 1) {
      await apply(db, index, index + 1);
      expect(await db.meta.get(DERIVED_STALE_KEY)).toBeUndefined();
      expect(await derivedOf(db)).toEqual(await derivedFromRecords(db));
    }
    // Saying no in so many words is the same as not saying.
    await applyRemoteChanges(db, pages[0] as Change[], pages.length + 1, { deferDerived: false });
    expect(await db.meta.get(DERIVED_STALE_KEY)).toBeUndefined();
    expect(await derivedOf(db)).toEqual(await derivedFromRecords(db));
  });
});
