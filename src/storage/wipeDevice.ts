import type { UraDatabase } from './UraDatabase.ts';

/**
 * Deletes everything this device holds: records, the outbox, drafts, derived
 * rows and every setting in `meta` (the account, the client id, the clock and
 * the cursor) and the vault with the wrapped data key, in one transaction, so a shared or lost phone keeps nothing of
 * the person who used it. The next sign-in starts as a new device.
 */
export async function wipeDevice(db: UraDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
  // The vault went with the rest; the key it wrapped leaves memory too.
  db.dataKey.lock();
}
