import { countPending, countRejected } from '../storage/outbox.ts';
import type { UraDatabase } from '../storage/UraDatabase.ts';
import { wipeDevice } from '../storage/wipeDevice.ts';
import type { FetchLike } from './postSync.ts';
import { signOutOnServer } from './sessionApi.ts';
import { runExclusive } from './syncScheduler.ts';
import { syncWithServer } from './syncWithServer.ts';

export interface SignOutCheck {
  /** Changes still on this device only (waiting or refused) after trying to send them. */
  unsent: number;
}

/** Tries to send what waits in the outbox, then counts what would be lost by signing out now. */
export async function prepareSignOut(db: UraDatabase, fetchFn: FetchLike, baseUrl: string): Promise<SignOutCheck> {
  try {
    await runExclusive(async () => {
      await syncWithServer(db, { fetch: fetchFn, baseUrl });
      // The wipe would take the export log with it: the audit trail gets it first (docs/exports.md).
      const { flushExportLog } = await import('./exportAuditFlush.ts');
      await flushExportLog(db, { fetch: fetchFn, baseUrl });
    });
  } catch {
    // Offline, an ended session, a server down: what could not be sent is counted below, and can be exported.
  }
  const [pending, rejected] = await Promise.all([countPending(db), countRejected(db)]);
  return { unsent: pending + rejected };
}

/**
 * Ends the server session (best effort) and deletes every record on this
 * device. Signing out offline still wipes: the session then dies at its expiry,
 * and the next person on the phone starts from nothing either way.
 */
export async function finishSignOut(db: UraDatabase, fetchFn: FetchLike, baseUrl: string): Promise<void> {
  await signOutOnServer(fetchFn, baseUrl);
  // Under the sync lock: a reply still on its way in must not write records back after the wipe.
  await runExclusive(() => wipeDevice(db));
}
