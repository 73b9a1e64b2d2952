import { addCalendarDays, type IsoDate } from '../../src/domain/dueDates.ts';
import { loadCaseSummaries } from '../../src/storage/caseListQuery.ts';
import { loadToday } from '../../src/storage/followUpQuery.ts';
import { TODAY_LISTS } from '../../src/storage/todayWindow.ts';
import type { UraDatabase } from '../../src/storage/UraDatabase.ts';

/** Timings of the Today screen's query (a window of each list from the case index's due keys), per run. */
export interface FollowUpTimings {
  totalMs: number[];
  /** The lists' lengths added up (each counted up to TODAY_COUNT_CAP), and the items read to show. */
  items: number;
  shown: number;
  /** What loadToday read, so a slow load can be explained: index entries due within a week, of all entries. */
  read: { dueEntries: number; entries: number };
}

/** loadToday, `runs` times, stopping early once `budgetMs` is spent (at least one run). */
export async function timeFollowUps(
  db: UraDatabase,
  options: { runs: number; budgetMs: number; today: IsoDate },
): Promise<FollowUpTimings> {
  const { runs, budgetMs, today } = options;
  const deadline = performance.now() + budgetMs;
  const timings: FollowUpTimings = { totalMs: [], items: 0, shown: 0, read: { dueEntries: 0, entries: 0 } };
  for (let run = 0; run < runs && (run === 0 || performance.now() < deadline); run += 1) {
    const started = performance.now();
    const { followUps, totals } = await loadToday(db, today);
    timings.totalMs.push(performance.now() - started);
    timings.items = Object.values(totals).reduce((sum, total) => sum + total, 0);
    timings.shown = TODAY_LISTS.reduce((sum, list) => sum + followUps[list].length, 0);
  }
  timings.read = {
    dueEntries: await db.caseIndex.where('firstFollowUp').belowOrEqual(addCalendarDays(today, 7)).count(),
    entries: await db.caseIndex.count(),
  };
  return timings;
}

/** The case list's storage query alone, `runs` times. */
export async function timeCaseSummaries(db: UraDatabase, runs: number): Promise<number[]> {
  const durations: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await loadCaseSummaries(db);
    durations.push(performance.now() - started);
  }
  return durations;
}
