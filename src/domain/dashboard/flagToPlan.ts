import { addDuration, daysBetween, NO_HOLIDAYS, type IsoDate, type SchoolCalendar } from '../dueDates.ts';
import type { ProtocolProfile } from '../protocolProfile.ts';
import type { DashboardCase, Timeliness } from './dashboardFigures.ts';

/**
 * The last day a case flagged on `flaggedAt` may get its plan under the
 * profile: the time to open it (from the flag) plus the time to plan (from
 * the opening). Counted from the flag, so every case has the same allowance
 * however fast it was opened.
 */
export function planDeadline(
  profile: ProtocolProfile,
  flaggedAt: IsoDate,
  calendar: SchoolCalendar = NO_HOLIDAYS,
): IsoDate {
  const openBy = addDuration(flaggedAt, profile.deadlines.openCase.duration, calendar);
  return addDuration(openBy, profile.deadlines.plan.duration, calendar);
}

export type TimelinessOf = { kind: Timeliness; days: number | null };

/**
 * Where a case stands against its plan deadline on `asOf`, or null when it
 * does not count: a reopened case (its flag date is the first flag's, its
 * plan the new one's), a case closed before any plan (the flag was unfounded,
 * the child moved), or one still within its deadline without a plan.
 * `days` is flag → plan in calendar days, null for an overdue case.
 */
export function timelinessOf(
  record: DashboardCase,
  deadline: IsoDate,
  asOf: IsoDate,
  days: (from: IsoDate, to: IsoDate) => number = daysBetween,
): TimelinessOf | null {
  if (record.reopenCount > 0) return null;
  const planned = record.planActivatedAt;
  if (planned !== null) {
    return { kind: planned <= deadline ? 'onTime' : 'late', days: days(record.flaggedAt, planned) };
  }
  if (record.status === 'closed' || asOf <= deadline) return null;
  return { kind: 'overdue', days: null };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}
