import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { IsoDate } from '../../domain/dueDates.ts';
import { db } from '../../storage/database.ts';
import { loadToday, type TodayData } from '../../storage/followUpQuery.ts';
import type { TodayList } from '../../storage/todayWindow.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { useCatchingUp } from '../../state/syncStatusStore.ts';
import { useCurrentDay } from './useCurrentDay.ts';

export interface TodayState {
  today: IsoDate;
  /** The follow-ups computed for `today`; undefined until they are (or while a new day's are computed). */
  data: TodayData | undefined;
  /** A multi-page sync is under way: nothing is computed until its last page (CatchingUpNotice). */
  catchingUp: boolean;
  /** Brings every item of a list, not only its first ones ("Show N more"). */
  showWhole: (list: TodayList) => void;
}

/**
 * Today's follow-ups, recomputed whenever a record they read changes (a
 * sync, a new visit note) and when the day changes.
 */
export function useToday(): TodayState {
  const today = useCurrentDay();
  // While a sync brings page after page, nothing is read, so nothing is recomputed after each page.
  const catchingUp = useCatchingUp();
  const [whole, setWhole] = useState<ReadonlySet<TodayList>>(() => new Set());
  const loaded = useLiveQuery(() => (catchingUp ? undefined : loadToday(db, today, whole)), [today, catchingUp, whole]);
  const data = loaded?.today === today ? loaded : undefined;
  const showWhole = useCallback((list: TodayList) => setWhole((lists) => new Set([...lists, list])), []);
  return { today, data, catchingUp, showWhole };
}

/**
 * Marks `today:ready` for the benchmark once the first computed list is on
 * screen (`shown`: the screen also waits for the signed-in account's rights).
 */
export function useTodayReadyMark(shown: boolean): void {
  // A layout effect: it runs as soon as the list is in the DOM, so the mark times the list, not a later tick.
  const marked = useRef(false);
  useLayoutEffect(() => {
    if (!shown || marked.current) return;
    marked.current = true;
    if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark('today:ready');
  }, [shown]);
}
