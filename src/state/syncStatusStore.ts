import { create } from 'zustand';
import type { SyncPhase } from '../sync/syncScheduler.ts';

export type { SyncPhase };

interface SyncStatusState {
  phase: SyncPhase;
  errorCode: string | undefined;
  /** Changes received in the sync under way, for the progress line. */
  received: number;
  /**
   * More pages wait on the server (a first sync, or a phone long offline). Screens with
   * heavy live queries wait for the end instead of recomputing after every page.
   */
  catchingUp: boolean;
}

/** UI state of the sync loop. Records and counts live in Dexie; this only says what the loop is doing. */
export const useSyncStatusStore = create<SyncStatusState>(() => ({
  phase: 'idle',
  errorCode: undefined,
  received: 0,
  catchingUp: false,
}));

export function setSyncPhase(phase: SyncPhase, errorCode?: string): void {
  useSyncStatusStore.setState((state) => ({
    phase,
    errorCode,
    received: phase === 'syncing' && state.phase !== 'syncing' ? 0 : state.received,
    catchingUp: phase === 'syncing' && state.catchingUp,
  }));
}

export function setSyncReceived(received: number, hasMore = false): void {
  useSyncStatusStore.setState({ received, catchingUp: hasMore });
}

/** True while a sync brings page after page (see SyncStatusState.catchingUp). */
export function useCatchingUp(): boolean {
  return useSyncStatusStore((state) => state.catchingUp);
}
