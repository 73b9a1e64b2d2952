import { db } from '../../storage/database.ts';
import { countPending, countRejected, oldestPendingAt } from '../../storage/outbox.ts';
import { getLastSyncAt } from '../../storage/syncMeta.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { useIsOnline } from '../../state/onlineState.ts';
import { useSessionStore, type SessionProblem } from '../../state/sessionStore.ts';
import { useSyncStatusStore, type SyncPhase } from '../../state/syncStatusStore.ts';

export interface SyncOverview {
  isOnline: boolean;
  phase: SyncPhase;
  pending: number;
  rejected: number;
  lastSyncAt: number | undefined;
  /** When the oldest change still waiting was saved (device clock); undefined when nothing waits. */
  oldestPendingAt: number | undefined;
  received: number;
  /** The account's session ended (or the device was revoked): syncing waits for a new sign-in. */
  sessionProblem: SessionProblem;
}

/** Everything the status bar shows: the counts come live from Dexie, the phase from the sync loop and the session. */
export function useSyncOverview(): SyncOverview {
  const isOnline = useIsOnline();
  const phase = useSyncStatusStore((state) => state.phase);
  const received = useSyncStatusStore((state) => state.received);
  const sessionProblem = useSessionStore((state) => state.problem);
  // All reads start at once: inside a live query, a read started after awaiting another
  // helper's promise can run outside the query's zone and go unwatched.
  const counts = useLiveQuery(async () => {
    const [pending, rejected, lastSyncAt, oldest] = await Promise.all([
      countPending(db),
      countRejected(db),
      getLastSyncAt(db),
      oldestPendingAt(db),
    ]);
    return { pending, rejected, lastSyncAt, oldest };
  }, []);
  return {
    isOnline,
    phase,
    received,
    sessionProblem,
    pending: counts?.pending ?? 0,
    rejected: counts?.rejected ?? 0,
    lastSyncAt: counts?.lastSyncAt,
    oldestPendingAt: counts?.oldest,
  };
}
