import { create } from 'zustand';
import type { SyncPhase } from '../sync/syncScheduler.ts';

export type { SyncPhase };

interface SyncStatusState {
  phase: SyncPhase;
  errorCode: string | undefined;
  /** Changes received in the sync under way, for the progress line. */
  received: number;
}

/** UI state of the sync loop. Records and counts live in Dexie; this only says what the loop is doing. */
export const useSyncStatusStore = create<SyncStatusState>(() => ({
  phase: 'idle',
  errorCode: undefined,
  received: 0,
}));

export function setSyncPhase(phase: SyncPhase, errorCode?: string): void {
  useSyncStatusStore.setState((state) => ({
    phase,
    errorCode,
    received: phase === 'syncing' && state.phase !== 'syncing' ? 0 : state.received,
  }));
}

export function setSyncReceived(received: number): void {
  useSyncStatusStore.setState({ received });
}
