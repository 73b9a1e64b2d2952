import type { IsoDate } from '../dueDates.ts';

/**
 * The Municipal Action Plan (PRODUCT F21, docs/domain.md §8, docs/map.md): a
 * municipality's plan for one period, drafted by its working group and, once
 * adopted, a municipal act. Goals hold activities; each activity names who
 * carries it, when, its budget and one indicator with a baseline and a target;
 * progress is reported per quarter with a narrative. Four synced record types
 * placed by the plan's municipality: only its coordinators read and write them.
 */
export const MAP_PLAN_STATUSES = ['draft', 'adopted'] as const;
export type MapPlanStatus = (typeof MAP_PLAN_STATUSES)[number];

/**
 * Where an indicator's value comes from. `manual`: entered with each progress
 * report. The others are answered by the case data (the municipality's
 * dashboard figures, mapIndicators.ts), so they fill themselves.
 */
export const INDICATOR_SOURCES = ['manual', 'identifiedAtRisk', 'planWithinDeadline', 'backToAttendance'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/** A count of something, or a percentage (0–100). */
export const INDICATOR_UNITS = ['count', 'percent'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** The unit each automatic indicator is measured in; a manual one chooses. */
export const UNIT_OF_SOURCE: Readonly<Record<Exclude<IndicatorSource, 'manual'>, IndicatorUnit>> = {
  identifiedAtRisk: 'count',
  planWithinDeadline: 'percent',
  backToAttendance: 'percent',
};

/** A reporting period: a quarter of a year, `2027-Q1`. */
export const QUARTER_PATTERN = /^(20\d\d)-Q([1-4])$/;
/** `YYYY-Qn`, matching QUARTER_PATTERN. */
export type Quarter = string;

export const MAX_TITLE = 300;
export const MAX_NARRATIVE = 4000;
export const MAX_REFERENCE = 200;
/** Budgets in whole units of the municipality's currency (euro in Kosovo, dinar in Serbia). */
export const MAX_BUDGET = 1_000_000_000_000;
export const MAX_INDICATOR_VALUE = 1_000_000_000;

export interface MapPlanFields {
  municipalityId: string;
  title: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  status: MapPlanStatus;
  /** The municipal act's number or reference once adopted; '' while a draft. */
  actReference: string;
  adoptedOn: IsoDate | null;
}

export interface MapGoalFields {
  planId: string;
  title: string;
  /** Order within the plan (1, 2, …). */
  position: number;
  /** A goal taken out of the plan stays in the history but leaves the plan and its report. */
  removed: boolean;
}

export interface MapActivityFields {
  /** The plan as well as the goal, so the record finds its municipality in one step. */
  planId: string;
  goalId: string;
  title: string;
  /** The body that carries it (the directorate, a school, the CSW, a CSO), in words. */
  responsible: string;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  budget: number | null;
  indicator: string;
  indicatorSource: IndicatorSource;
  unit: IndicatorUnit;
  baseline: number | null;
  target: number | null;
  removed: boolean;
}

export interface MapProgressFields {
  planId: string;
  activityId: string;
  period: Quarter;
  /** The indicator's value at the end of the period; for an automatic one, as it was when reported. */
  value: number | null;
  narrative: string;
  recordedBy: string;
  recordedAt: string;
}

export interface MapPlan extends MapPlanFields {
  id: string;
}
export interface MapGoal extends MapGoalFields {
  id: string;
}
export interface MapActivity extends MapActivityFields {
  id: string;
}
export interface MapProgress extends MapProgressFields {
  id: string;
}

export const MAP_ERRORS = [
  'required',
  'tooLong',
  'invalidDate',
  'invalidChoice',
  'invalidNumber',
  'endBeforeStart',
  'adoptionRequired',
  'notExpected',
  'invalid',
] as const;
export type MapError = (typeof MAP_ERRORS)[number];

/** The quarter a day falls in. */
export function quarterOf(day: IsoDate): Quarter {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** The quarters a plan's period covers, oldest first. */
export function quartersBetween(start: IsoDate, end: IsoDate): Quarter[] {
  const quarters: Quarter[] = [];
  const last = quarterOf(end);
  let [year, quarter] = [Number(start.slice(0, 4)), Math.ceil(Number(start.slice(5, 7)) / 3)];
  for (let guard = 0; guard < 200; guard += 1) {
    const current: Quarter = `${year}-Q${quarter}`;
    quarters.push(current);
    if (current === last || current > last) break;
    quarter += 1;
    if (quarter > 4) [year, quarter] = [year + 1, 1];
  }
  return quarters;
}
