import { useEffect, useState } from 'react';
import { localIsoDate, type IsoDate } from '../../domain/dueDates.ts';

/** Milliseconds until the next local midnight, plus a second so the new day has surely begun. */
function untilMidnight(now: Date): number {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return midnight.getTime() - now.getTime() + 1000;
}

/**
 * Today's date on the device, kept current: a phone left on the Today screen
 * overnight, or brought back from the background, shows the new day's list.
 */
export function useCurrentDay(): IsoDate {
  const [day, setDay] = useState(() => localIsoDate(new Date()));

  useEffect(() => {
    const refresh = (): void => setDay(localIsoDate(new Date()));
    const timer = window.setTimeout(refresh, untilMidnight(new Date()));
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [day]);

  return day;
}
