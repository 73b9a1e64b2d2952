import { DERIVED_STALE_KEY, type UraDatabase } from './UraDatabase.ts';

/**
 * The derived tables (visit and screening summaries, case index) may disagree
 * with the records: the v10 upgrade ran, or a first sync applied pages without
 * them (applyRemoteChanges' `deferDerived`), and nothing has rebuilt them since
 * (derivedTables.ts, whose code loads only when needed).
 */
export async function isDerivedStale(db: UraDatabase): Promise<boolean> {
  return (await db.meta.get(DERIVED_STALE_KEY)) !== undefined;
}

/** Leaves the flag the next unlock or the next non-deferred pulled page acts on. Inside a transaction with `meta`. */
export async function markDerivedStale(db: UraDatabase): Promise<void> {
  // The same plain row the v10 upgrade writes (UraDatabase.ts): only its presence counts.
  await db.meta.put({ key: DERIVED_STALE_KEY, value: true });
}
