import { useEffect } from 'react';
import { lockNow } from './deviceLockFlow.ts';
import { loadIdleLockMinutes } from './idleLockSetting.ts';

/** How often the idle time is checked while the app is open; a hidden page is checked when it comes back. */
const CHECK_EVERY_MS = 15_000;

// One function for every render, so the effect below is not restarted (and the idle time not reset) on each.
const lockAtOnce = () => void lockNow();

/**
 * Locks the app after the set minutes without a touch or key, and when it
 * comes back to the screen after being away that long (timers sleep in the
 * background, so the return is checked too). Read once per mount: changing
 * the setting applies from the next screen. `onIdle` is the lock itself, but for tests.
 */
export function useIdleLock(onIdle: () => void = lockAtOnce): void {
  useEffect(() => {
    const limitMs = loadIdleLockMinutes() * 60_000;
    let lastUse = Date.now();
    let locking = false;
    const used = () => {
      lastUse = Date.now();
    };
    const check = () => {
      if (locking || Date.now() - lastUse < limitMs) return;
      locking = true;
      onIdle();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') check();
    };
    const timer = setInterval(check, CHECK_EVERY_MS);
    window.addEventListener('pointerdown', used, { passive: true });
    window.addEventListener('keydown', used);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pointerdown', used);
      window.removeEventListener('keydown', used);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [onIdle]);
}
