import type { IsoDate } from './dueDates.ts';
import type { HomeVisit } from './homeVisit.ts';
import type { RiskLevel } from './protocolProfile.ts';
import { compareScreeningOrder, compareScreenings, type Screening } from './riskScreening.ts';
import { compareVisits, currentVisits } from './visitTimeline.ts';

/**
 * Per case, the note that decides the next visit: the latest one no other
 * note corrects. Kept beside the notes so Today and the lists read one small
 * row per case instead of every note (docs/benchmarks.md).
 */
export interface VisitSummary {
  caseId: string;
  latestVisitId: string;
  nextVisitDate: IsoDate | null;
}

/** Per student, the last two screenings' levels: enough for the case list's level and for "risk rose". */
export interface ScreeningSummary {
  studentId: string;
  latestId: string;
  latestLevel: RiskLevel;
  previousId: string | null;
  previousLevel: RiskLevel | null;
  /**
   * When the latest screening's level is higher than the one before: its date
   * with every digit d written 9 − d, so the index's ascending order is newest
   * first (riseOrderOf); absent otherwise. Indexed (a date, nothing
   * identifying), so Today reads the newest rises without opening every summary.
   */
  riseOrder?: string;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The summary of one case's notes, or null when it has none. */
export function summarizeVisits(caseId: string, visits: readonly HomeVisit[]): VisitSummary | null {
  let latest: HomeVisit | undefined;
  for (const visit of currentVisits(visits)) if (!latest || compareVisits(latest, visit) < 0) latest = visit;
  return latest ? { caseId, latestVisitId: latest.id, nextVisitDate: latest.nextVisitDate } : null;
}

/** A date as a key that sorts newest first: '2026-03-10' → '7973-96-89'. */
export function riseOrderOf(date: IsoDate): string {
  return date.replace(/\d/g, (digit) => String(9 - Number(digit)));
}

/** The summary of one student's screenings, or null when there are none. */
export function summarizeScreenings(studentId: string, screenings: readonly Screening[]): ScreeningSummary | null {
  const sorted = [...screenings].sort(compareScreeningOrder);
  const latest = sorted.at(-1);
  const previous = sorted.at(-2);
  if (!latest) return null;
  const rose = previous !== undefined && compareScreenings(previous, latest) === 'rose';
  return {
    studentId,
    latestId: latest.id,
    latestLevel: latest.level,
    previousId: previous?.id ?? null,
    previousLevel: previous?.level ?? null,
    ...(rose ? { riseOrder: riseOrderOf(latest.screenedOn) } : {}),
  };
}

/** Summaries of every case's notes at once (a database upgrade, a benchmark's seeding). */
export function visitSummariesOf(visits: readonly HomeVisit[]): VisitSummary[] {
  const out: VisitSummary[] = [];
  for (const [caseId, group] of groupBy(visits, (visit) => visit.caseId)) {
    const summary = summarizeVisits(caseId, group);
    if (summary) out.push(summary);
  }
  return out;
}

export function screeningSummariesOf(screenings: readonly Screening[]): ScreeningSummary[] {
  const out: ScreeningSummary[] = [];
  for (const [studentId, group] of groupBy(screenings, (screening) => screening.studentId)) {
    const summary = summarizeScreenings(studentId, group);
    if (summary) out.push(summary);
  }
  return out;
}
