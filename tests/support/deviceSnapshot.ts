import type { UraDatabase } from '../../src/storage/UraDatabase.ts';

/**
 * Every row of every table (the device's whole state), to prove that a
 * refused or failed write left nothing behind — not even a clock tick.
 */
export async function deviceSnapshot(db: UraDatabase): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of db.tables) snapshot[table.name] = await table.toArray();
  return snapshot;
}
