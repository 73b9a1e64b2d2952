import { useEffect, useState } from 'react';

/** setTimeout's longest wait; a later moment is re-checked after this long. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Whether the clock has reached `moment`, kept true to the minute it does: a
 * phone left open on a screen turns the answer over by itself, and coming back
 * to the app (focus, a visible tab) checks again, as timers sleep with the phone.
 */
export function useReachedTime(moment: number | undefined): boolean {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (moment === undefined || now >= moment) return undefined;
    const refresh = (): void => setNow(Date.now());
    // From the real time, not `now`: that may be the time of a render long ago (zero when already reached).
    const timer = window.setTimeout(refresh, Math.min(Math.max(0, moment - Date.now()), MAX_TIMEOUT_MS));
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [moment, now]);

  return moment !== undefined && now >= moment;
}
