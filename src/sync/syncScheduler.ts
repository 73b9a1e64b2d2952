import { SyncRefusedError } from './postSync.ts';
import { retryDelayMs } from './backoff.ts';

export type SyncPhase = 'idle' | 'syncing' | 'failed' | 'updateRequired';

export interface SyncSchedulerOptions {
  /** One full sync; throws on failure. */
  run: () => Promise<void>;
  onPhase: (phase: SyncPhase, errorCode?: string) => void;
  /** Wait this long after a local write, so a burst of edits goes in one request. */
  debounceMs?: number;
  /** Sync this often while the app is open and visible. */
  intervalMs?: number;
}

export interface SyncScheduler {
  /** Ask for a sync soon (after a write) or now. Ignored while paused. */
  request: (when?: 'soon' | 'now') => void;
  /** After a new sign-in: sync again at once (if the scheduler was paused by an ended session). */
  resume: () => void;
  stop: () => void;
}

/**
 * Runs `fn` holding the sync lock, waiting for a sync under way in any tab to
 * finish first: signing out must not wipe the device while a reply is still
 * on its way in, nor sync beside the loop.
 */
export async function runExclusive<T>(fn: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return fn();
  return navigator.locks.request(LOCK_NAME, fn);
}

/**
 * Refusals no retry can cure: the session ended (401) or the device was
 * revoked. The scheduler pauses until a new sign-in resumes it, rather than
 * knocking on the server every few minutes with a dead cookie.
 */
function endsSession(error: unknown): error is SyncRefusedError {
  return error instanceof SyncRefusedError && (error.status === 401 || error.code === 'device_revoked');
}

const LOCK_NAME = 'ura-sync';

/** Runs `fn` only if no other tab holds the sync lock; one tab syncs at a time. */
async function withSyncLock(fn: () => Promise<void>): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) {
    await fn();
    return true;
  }
  return navigator.locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await fn();
    return true;
  });
}

/**
 * Decides when to sync: on start, when the browser comes online, when the app
 * becomes visible, shortly after a local write, and on a timer — and backs off
 * with jitter after failures. An app too old for the server stops retrying;
 * an ended session pauses it until `resume`.
 */
export function startSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const debounceMs = options.debounceMs ?? 1_500;
  const intervalMs = options.intervalMs ?? 60_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let failures = 0;
  let stopped = false;
  let paused = false;

  const schedule = (delay: number): void => {
    if (stopped || paused) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void tick(), delay);
  };

  async function tick(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    options.onPhase('syncing');
    try {
      const ran = await withSyncLock(options.run);
      failures = 0;
      options.onPhase('idle');
      schedule(ran && again ? 0 : intervalMs);
    } catch (error) {
      if (error instanceof SyncRefusedError && error.code === 'unsupported_protocol') {
        options.onPhase('updateRequired', error.code);
        return;
      }
      if (endsSession(error)) {
        paused = true;
        if (timer !== undefined) clearTimeout(timer);
        options.onPhase('failed', error.code);
        return;
      }
      failures += 1;
      options.onPhase('failed', error instanceof SyncRefusedError ? error.code : 'unavailable');
      schedule(retryDelayMs(failures));
    } finally {
      running = false;
      again = false;
    }
  }

  const onOnline = (): void => schedule(0);
  const onVisible = (): void => {
    if (document.visibilityState === 'visible') schedule(0);
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  schedule(0);

  return {
    request: (when = 'soon') => {
      if (paused) return;
      if (running) again = true;
      else schedule(when === 'now' ? 0 : debounceMs);
    },
    resume: () => {
      if (!paused) return;
      paused = false;
      failures = 0;
      schedule(0);
    },
    stop: () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}
