import { screeningSummariesOf } from '../domain/caseworkSummaries.ts';
import { caseIndexTables, rebuildCaseIndex } from './caseIndex.ts';
import { DERIVED_STALE_KEY, type UraDatabase } from './UraDatabase.ts';

/** The v10 upgrade ran and the first unlock since has not rebuilt the case index and screening summaries. */
export async function isDerivedStale(db: UraDatabase): Promise<boolean> {
  return (await db.meta.get(DERIVED_STALE_KEY)) !== undefined;
}

/**
 * Rebuilds the case index and the screening summaries from the records, once,
 * after an upgrade that gave them new indexes (UraDatabase v10). The upgrade
 * runs while the phone is locked and its rows are sealed, so it only leaves a
 * flag; this runs once unlocked. One transaction: the screens read the old
 * tables until it commits, then the new. Says whether it rebuilt anything.
 */
export async function rebuildStaleDerivedTables(db: UraDatabase): Promise<boolean> {
  if (!(await isDerivedStale(db))) return false;
  return db.transaction('rw', [...caseIndexTables(db), db.screenings, db.meta], async () => {
    // Another tab may have rebuilt them while this one waited for the transaction.
    if (!(await isDerivedStale(db))) return false;
    // The summaries first: the index reads each student's latest level from them.
    const summaries = screeningSummariesOf(await db.screenings.toArray());
    await db.screeningSummaries.clear();
    await db.screeningSummaries.bulkPut(summaries);
    // Inside this transaction (a subset of its tables), so the flag goes only with the new index.
    await rebuildCaseIndex(db);
    await db.meta.delete(DERIVED_STALE_KEY);
    return true;
  });
}
