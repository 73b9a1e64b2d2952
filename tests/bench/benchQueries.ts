import { addCalendarDays, type IsoDate } from '../../src/domain/dueDates.ts';
import { loadCaseSummaries } from '../../src/storage/caseListQuery.ts';
import { loadToday } from '../../src/storage/followUpQuery.ts';
import type { UraDatabase } from '../../src/storage/UraDatabase.ts';

/** Timings of the Today screen's query (reading the case index and computing the lists), per run. */
export interface FollowUpTimings {
  totalMs: number[];
  items: number;
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
  const timings: FollowUpTimings = { totalMs: [], items: 0, read: { dueEntries: 0, entries: 0 } };
  for (let run = 0; run < runs && (run === 0 || performance.now() < deadline); run += 1) {
    const started = performance.now();
    const { followUps } = await loadToday(db, today);
    timings.totalMs.push(performance.now() - started);
    const { overdue, thisWeek, deadlinesSoon, riskRose } = followUps;
    timings.items = overdue.length + followUps.today.length + thisWeek.length + deadlinesSoon.length + riskRose.length;
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
