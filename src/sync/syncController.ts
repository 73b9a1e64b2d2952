import { loadAccount } from '../storage/accountRepository.ts';
import type { UraDatabase } from '../storage/UraDatabase.ts';
import type { FetchLike } from './postSync.ts';
import { startSyncScheduler, type SyncPhase, type SyncScheduler } from './syncScheduler.ts';
import type { SessionEnd } from './syncWithServer.ts';

export interface StartSyncOptions {
  db: UraDatabase;
  baseUrl: string;
  fetch: FetchLike;
  onPhase: (phase: SyncPhase, errorCode?: string) => void;
  onProgress: (received: number, hasMore: boolean) => void;
}

let scheduler: SyncScheduler | undefined;
const sessionEndListeners = new Set<(end: SessionEnd) => void>();

/**
 * Starts the app's one sync loop (idempotent). It syncs only once someone has
 * signed in on this device and while it is unlocked; an ended session pauses it (see resumeSync).
 */
export function startSync(options: StartSyncOptions): void {
  if (scheduler) return;
  scheduler = startSyncScheduler({
    onPhase: options.onPhase,
    run: async () => {
      // Locked, nothing can be read or written (docs/encryption.md); unlocking asks for a sync.
      if (!options.db.dataKey.unlocked) return;
      if ((await loadAccount(options.db)) === null) return;
      // Loaded on the first sync, after the first screen (the bundle budget); precached like every chunk.
      const { syncWithServer } = await import('./syncWithServer.ts');
      await syncWithServer(options.db, {
        fetch: options.fetch,
        baseUrl: options.baseUrl,
        onProgress: options.onProgress,
        onSessionEnd: (end) => {
          for (const listener of sessionEndListeners) listener(end);
        },
      });
      // Exports made here reach the audit trail once the server answers (docs/exports.md); never fails the sync.
      // Loaded on the first sync, not with the first screen (the bundle budget).
      const { flushExportLog } = await import('./exportAuditFlush.ts');
      await flushExportLog(options.db, { fetch: options.fetch, baseUrl: options.baseUrl });
    },
  });
}

/** Asks the loop to sync: `soon` after a local write (debounced), `now` when the user asks. */
export function requestSync(when: 'soon' | 'now' = 'soon'): void {
  scheduler?.request(when);
}

/** After a new sign-in: the loop, paused by an ended session, syncs again at once. */
export function resumeSync(): void {
  scheduler?.resume();
}

/**
 * Tells `listener` when the server ends this device's session or revokes it
 * (the state layer shows it; sync/ does not import state/). Returns an unsubscribe.
 */
export function onSessionEnd(listener: (end: SessionEnd) => void): () => void {
  sessionEndListeners.add(listener);
  return () => sessionEndListeners.delete(listener);
}

export function stopSync(): void {
  scheduler?.stop();
  scheduler = undefined;
}
