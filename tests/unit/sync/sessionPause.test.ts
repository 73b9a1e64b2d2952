import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncRefusedError, SyncUnavailableError } from '../../../src/sync/postSync.ts';
import { startSyncScheduler, type SyncScheduler } from '../../../src/sync/syncScheduler.ts';
import { setSessionProblem } from '../../../src/state/sessionStore.ts';
import { requestSync, startSync, stopSync } from '../../../src/sync/syncController.ts';
import { freshDatabase } from '../../support/clientFixtures.ts';

const HOUR = 60 * 60 * 1000;

/** A scheduler whose every run fails with `error` until `healed`, counting its runs. */
function failingScheduler(error: Error) {
  const state = { runs: 0, healed: false, phases: [] as string[] };
  const scheduler = startSyncScheduler({
    run: () => {
      state.runs += 1;
      return state.healed ? Promise.resolve() : Promise.reject(error);
    },
    onPhase: (phase, code) => state.phases.push(code === undefined ? phase : `${phase}:${code}`),
    intervalMs: 60_000,
  });
  return { state, scheduler };
}

describe('the sync loop after the session ended', () => {
  let scheduler: SyncScheduler | undefined;
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    scheduler?.stop();
    vi.useRealTimers();
  });

  it.each([
    ['unauthenticated', new SyncRefusedError(401, 'unauthenticated')],
    ['device_revoked', new SyncRefusedError(403, 'device_revoked')],
  ])('stops asking the server after %s, whatever wakes it, until resumed', async (code, error) => {
    const failing = failingScheduler(error);
    scheduler = failing.scheduler;
    await vi.advanceTimersByTimeAsync(0);
    expect(failing.state.runs).toBe(1);
    expect(failing.state.phases).toEqual(['syncing', `failed:${code}`]);

    scheduler.request('now');
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(failing.state.runs).toBe(1);

    failing.state.healed = true;
    scheduler.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(failing.state.runs).toBe(2);
    expect(failing.state.phases.at(-1)).toBe('idle');
  });

  it('keeps retrying with backoff when the server is only unavailable', async () => {
    const failing = failingScheduler(new SyncUnavailableError(503));
    scheduler = failing.scheduler;
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(failing.state.runs).toBeGreaterThan(5);
  });

  it('resuming a scheduler that was not paused does not add a sync', async () => {
    const failing = failingScheduler(new Error('unused'));
    failing.state.healed = true;
    scheduler = failing.scheduler;
    await vi.advanceTimersByTimeAsync(0);
    scheduler.resume();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(failing.state.runs).toBe(1);
  });
});

describe('the app sync loop before anyone signed in', () => {
  afterEach(() => {
    stopSync();
    setSessionProblem(null);
  });

  it('does not sync on a device nobody has signed in on', async () => {
    const db = freshDatabase();
    const fetch = vi.fn<(url: string, init: RequestInit) => Promise<Response>>();
    const phases: string[] = [];
    startSync({ db, baseUrl: '', fetch, onPhase: (phase) => phases.push(phase), onProgress: () => undefined });
    requestSync('now');
    await vi.waitFor(() => expect(phases).toContain('idle'));
    expect(fetch).not.toHaveBeenCalled();
    db.close();
    await db.delete();
  });
});
