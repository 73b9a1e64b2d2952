import { isIsoDate, toDayNumber, type IsoDate } from '../dueDates.ts';
import { getProfile } from '../profiles/profiles.ts';
import type { ProfileId } from '../protocolProfile.ts';
import { compareScreeningOrder } from '../riskScreening.ts';
import { BREAKDOWNS, type Breakdown, type DashboardScreening } from './dashboardFigures.ts';
import type { GroupsCache, Grouped } from './dashboardGroups.ts';
import { planDeadline } from './flagToPlan.ts';

/**
 * What computeDashboard works out once and reuses across 10,000 cases, which
 * share a few hundred flag dates, plan dates and children's groups.
 */

/** Days from flag to plan per group, for the medians. */
export class DaysTally {
  readonly all: number[] = [];
  private readonly byGroup: (number[] | undefined)[][] = BREAKDOWNS.map(() => []);

  constructor(private readonly groups: GroupsCache) {}

  add(grouped: Grouped, days: number): void {
    this.all.push(days);
    for (let breakdown = 0; breakdown < this.byGroup.length; breakdown += 1) {
      const lists = this.byGroup[breakdown] ?? [];
      const at = grouped.at[breakdown] ?? 0;
      const list = lists[at];
      if (list === undefined) lists[at] = [days];
      else list.push(days);
    }
  }

  of(breakdown: Breakdown, group: string): readonly number[] {
    const index = BREAKDOWNS.indexOf(breakdown);
    const at = this.groups.numberOf(index, group);
    return (at === undefined ? undefined : this.byGroup[index]?.[at]) ?? [];
  }
}

/**
 * Each flag date's plan deadline under a country's profile, worked out once:
 * 10,000 cases share a few hundred flag dates. Null for a date that does not
 * exist (a partly pulled record on a phone).
 */
export class DeadlineCache {
  private readonly known = new Map<string, IsoDate | null>();

  of(country: ProfileId, flaggedAt: IsoDate): IsoDate | null {
    const key = `${country}${flaggedAt}`;
    let deadline = this.known.get(key);
    if (deadline === undefined) {
      deadline = isIsoDate(flaggedAt) ? planDeadline(getProfile(country), flaggedAt) : null;
      this.known.set(key, deadline);
    }
    return deadline;
  }
}

/** Each student's latest screening level (the order every screen uses: compareScreeningOrder). */
export function latestLevels(screenings: readonly DashboardScreening[]): Map<string, DashboardScreening> {
  const latest = new Map<string, DashboardScreening>();
  // compareScreeningOrder reads only the date, term and id, which every DashboardScreening has.
  const order = compareScreeningOrder as (a: DashboardScreening, b: DashboardScreening) => number;
  for (const screening of screenings) {
    const held = latest.get(screening.studentId);
    if (held === undefined || order(held, screening) < 0) latest.set(screening.studentId, screening);
  }
  return latest;
}

/** Calendar days between two dates, each date parsed once: cases share their dates. */
export function memoDaysBetween(): (from: IsoDate, to: IsoDate) => number {
  const numbers = new Map<IsoDate, number>();
  const dayOf = (date: IsoDate) => {
    let day = numbers.get(date);
    if (day === undefined) {
      day = toDayNumber(date);
      numbers.set(date, day);
    }
    return day;
  };
  return (from, to) => dayOf(to) - dayOf(from);
}
