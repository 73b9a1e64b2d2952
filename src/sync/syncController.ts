import type { UraDatabase } from '../storage/UraDatabase.ts';
import type { FetchLike } from './postSync.ts';
import { startSyncScheduler, type SyncPhase, type SyncScheduler } from './syncScheduler.ts';
import { syncWithServer } from './syncWithServer.ts';

export interface StartSyncOptions {
  db: UraDatabase;
  baseUrl: string;
  fetch: FetchLike;
  onPhase: (phase: SyncPhase, errorCode?: string) => void;
  onProgress: (received: number, hasMore: boolean) => void;
}

let scheduler: SyncScheduler | undefined;

/** Starts the app's one sync loop (idempotent). */
export function startSync(options: StartSyncOptions): void {
  if (scheduler) return;
  scheduler = startSyncScheduler({
    onPhase: options.onPhase,
    run: async () => {
      await syncWithServer(options.db, {
        fetch: options.fetch,
        baseUrl: options.baseUrl,
        onProgress: options.onProgress,
      });
    },
  });
}

/** Asks the loop to sync: `soon` after a local write (debounced), `now` when the user asks. */
export function requestSync(when: 'soon' | 'now' = 'soon'): void {
  scheduler?.request(when);
}

export function stopSync(): void {
  scheduler?.stop();
  scheduler = undefined;
}
