import type { Table } from 'dexie';
import { screeningSummariesOf, visitSummariesOf } from '../domain/caseworkSummaries.ts';
import { caseIndexTables, rebuildCaseIndex } from './caseIndex.ts';
import { isDerivedStale } from './derivedStaleFlag.ts';
import { DERIVED_STALE_KEY, type UraDatabase } from './UraDatabase.ts';

/** The tables a transaction that calls rebuildDerivedTables must include. */
export function derivedRebuildTables(db: UraDatabase): Table[] {
  return [...caseIndexTables(db), db.screenings, db.homeVisits, db.meta] as Table[];
}

/**
 * Rebuilds every derived table from the records and clears the flag. Opens
 * its own transaction, or joins the caller's when it includes
 * derivedRebuildTables, so the flag goes only with the rebuilt tables.
 */
export async function rebuildDerivedTables(db: UraDatabase): Promise<void> {
  await db.transaction('rw', derivedRebuildTables(db), async () => {
    // The summaries first: the index reads each case's next visit and each student's latest level from them.
    const visits = visitSummariesOf(await db.homeVisits.toArray());
    await db.visitSummaries.clear();
    await db.visitSummaries.bulkPut(visits);
    const screenings = screeningSummariesOf(await db.screenings.toArray());
    await db.screeningSummaries.clear();
    await db.screeningSummaries.bulkPut(screenings);
    // Inside this transaction (a subset of its tables), so the flag goes only with the new index.
    await rebuildCaseIndex(db);
    await db.meta.delete(DERIVED_STALE_KEY);
  });
}

/**
 * Rebuilds the derived tables once, if the flag says they are stale: after an
 * upgrade that gave them new indexes (UraDatabase v10), which runs while the
 * phone is locked and its rows are sealed, or after a first sync interrupted
 * between deferred pages. Runs once unlocked. One transaction: the screens
 * read the old tables until it commits, then the new. Says whether it rebuilt.
 */
export async function rebuildStaleDerivedTables(db: UraDatabase): Promise<boolean> {
  if (!(await isDerivedStale(db))) return false;
  return db.transaction('rw', derivedRebuildTables(db), async () => {
    // Another tab, or a pulled page, may have rebuilt them while this one waited for the transaction.
    if (!(await isDerivedStale(db))) return false;
    await rebuildDerivedTables(db);
    return true;
  });
}
