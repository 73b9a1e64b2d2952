import type { IsoDate } from '../../src/domain/dueDates.ts';
import { computeFollowUpsByProfile } from '../../src/domain/followUpsByProfile.ts';
import { getProfile } from '../../src/domain/profiles/profiles.ts';
import { loadCaseSummaries } from '../../src/storage/caseListQuery.ts';
import { loadFollowUpInput } from '../../src/storage/followUpQuery.ts';
import type { UraDatabase } from '../../src/storage/UraDatabase.ts';

/** Timings of the Today screen's work, per run: reading IndexedDB, then computing on the device. */
export interface FollowUpTimings {
  loadMs: number[];
  computeMs: number[];
  items: number;
  /** What loadFollowUpInput read, so a slow load can be explained. */
  read: { cases: number; visits: number; planActions: number; screenings: number };
}

/**
 * The Today screen's work, `runs` times: loadFollowUpInput, then
 * computeFollowUps once per protocol profile on the device (the benchmark's
 * schools are in Kosovo and Serbia, so computeFollowUpsByProfile, as
 * loadToday does), stopping early once `budgetMs` is spent (at least one run).
 */
export async function timeFollowUps(
  db: UraDatabase,
  options: { runs: number; budgetMs: number; today: IsoDate },
): Promise<FollowUpTimings> {
  const { runs, budgetMs, today } = options;
  const deadline = performance.now() + budgetMs;
  const timings: FollowUpTimings = {
    loadMs: [],
    computeMs: [],
    items: 0,
    read: { cases: 0, visits: 0, planActions: 0, screenings: 0 },
  };
  for (let run = 0; run < runs && (run === 0 || performance.now() < deadline); run += 1) {
    let started = performance.now();
    const input = await loadFollowUpInput(db, today);
    timings.loadMs.push(performance.now() - started);
    started = performance.now();
    const followUps = computeFollowUpsByProfile({
      ...input,
      profileOf: (record) => {
        const country = input.schools.get(record.schoolId)?.country;
        return country === undefined ? undefined : getProfile(country);
      },
      defaultProfile: getProfile('XK'),
    });
    timings.computeMs.push(performance.now() - started);
    const { overdue, thisWeek, deadlinesSoon, riskRose } = followUps;
    timings.items = overdue.length + followUps.today.length + thisWeek.length + deadlinesSoon.length + riskRose.length;
    timings.read = {
      cases: input.cases.length,
      visits: input.visits.length,
      planActions: input.planActions.length,
      screenings: input.screenings.length,
    };
  }
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
