import type { DashboardFigures } from '../dashboard/dashboardFigures.ts';
import type { IsoDate } from '../dueDates.ts';
import { automaticValue } from './mapIndicators.ts';
import {
  quartersBetween,
  type MapActivity,
  type MapGoal,
  type MapPlan,
  type MapProgress,
  type Quarter,
} from './mapRecords.ts';
import { budgetTotal, progressTowardTarget } from './mapReportProgress.ts';

/**
 * The Municipal Action Plan's progress report (PRODUCT F21; docs/mapReport.md):
 * what a coordinator prints for the municipal assembly, the ministry, UNICEF
 * and donors. Built from the plan's records as the phone holds them and the
 * municipality's last dashboard figures, which answer the automatic
 * indicators. Words and numbers only: the screen formats them in the
 * reader's language.
 */
export interface MapReportInput {
  plan: MapPlan;
  /** In plan order, removed ones left out (mapPlanContents). */
  goals: readonly MapGoal[];
  activities: readonly MapActivity[];
  progress: readonly MapProgress[];
}

export interface QuarterValue {
  quarter: Quarter;
  /** The value reported for the quarter (the last report of it), null when none was or it gave no value. */
  value: number | null;
}

export interface LatestValue {
  value: number | null;
  /** `automatic`: answered by the dashboard figures now; `reported`: the newest quarter reported with a value. */
  from: 'automatic' | 'reported' | null;
  /** The quarter a reported value is of. */
  quarter: Quarter | null;
}

export interface ReportActivity {
  activity: MapActivity;
  automatic: boolean;
  /** One per quarter of the report, oldest first. */
  values: QuarterValue[];
  latest: LatestValue;
  /** The share of the way from baseline to target, 0–100, or null when it cannot be told (mapReportProgress.ts). */
  progress: number | null;
}

export interface ReportNarrative {
  activityId: string;
  activityTitle: string;
  narrative: string;
  recordedBy: string;
}

export interface QuarterNarratives {
  quarter: Quarter;
  entries: ReportNarrative[];
}

export interface ReportGoal {
  goal: MapGoal;
  activities: ReportActivity[];
  /** Sum of the activities' budgets; null when none has one. */
  budget: number | null;
  unbudgeted: number;
  /** Only the quarters with something written, oldest first. */
  narratives: QuarterNarratives[];
}

export interface MapReport {
  plan: MapPlan;
  asOf: IsoDate;
  /** The plan's quarters up to the one `asOf` falls in: empty before the plan begins. */
  quarters: Quarter[];
  goals: ReportGoal[];
  budget: number | null;
  unbudgeted: number;
  /** The day the automatic values are for; null without figures. */
  figuresAsOf: IsoDate | null;
}

export function buildMapReport(
  contents: MapReportInput,
  figures: DashboardFigures | undefined,
  asOf: IsoDate,
): MapReport {
  const { plan } = contents;
  const quarters = reportQuarters(plan, asOf);
  const reports = lastReports(contents.progress, new Set(quarters));
  const goals = contents.goals.map((goal) => {
    const activities = contents.activities
      .filter((activity) => activity.goalId === goal.id)
      .sort(byStartThenTitle)
      .map((activity) => reportActivity(activity, quarters, reports.get(activity.id), figures));
    const budget = budgetTotal(activities.map(({ activity }) => activity.budget));
    return {
      goal,
      activities,
      budget: budget.total,
      unbudgeted: budget.unbudgeted,
      narratives: narrativesOf(activities, quarters, reports),
    };
  });
  const whole = budgetTotal(goals.flatMap((goal) => goal.activities.map(({ activity }) => activity.budget)));
  return {
    plan,
    asOf,
    quarters,
    goals,
    budget: whole.total,
    unbudgeted: whole.unbudgeted,
    figuresAsOf: figures?.asOf ?? null,
  };
}

function reportQuarters(plan: MapPlan, asOf: IsoDate): Quarter[] {
  // A plan pulled across two pages may not have its period yet.
  const { periodStart, periodEnd } = plan as Partial<MapPlan>;
  if (periodStart === undefined || periodEnd === undefined || asOf < periodStart) return [];
  return quartersBetween(periodStart, periodEnd < asOf ? periodEnd : asOf);
}

/** Per activity, per quarter of the report, the last report made of it (a correction replaces the first). */
function lastReports(progress: readonly MapProgress[], quarters: ReadonlySet<Quarter>) {
  const reports = new Map<string, Map<Quarter, MapProgress>>();
  for (const entry of progress) {
    if (!quarters.has(entry.period)) continue;
    const ofActivity = reports.get(entry.activityId) ?? new Map<Quarter, MapProgress>();
    const known = ofActivity.get(entry.period);
    if (known === undefined || later(entry, known)) ofActivity.set(entry.period, entry);
    reports.set(entry.activityId, ofActivity);
  }
  return reports;
}

function later(a: MapProgress, b: MapProgress): boolean {
  return a.recordedAt === b.recordedAt ? a.id > b.id : a.recordedAt > b.recordedAt;
}

function byStartThenTitle(a: MapActivity, b: MapActivity): number {
  const start = (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999');
  return start || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

function reportActivity(
  activity: MapActivity,
  quarters: readonly Quarter[],
  reports: ReadonlyMap<Quarter, MapProgress> | undefined,
  figures: DashboardFigures | undefined,
): ReportActivity {
  const values = quarters.map((quarter) => ({ quarter, value: reports?.get(quarter)?.value ?? null }));
  const automatic = activity.indicatorSource !== 'manual';
  const reported = values.findLast((entry) => entry.value !== null);
  const now = automatic ? automaticValue(activity.indicatorSource, figures) : null;
  const latest: LatestValue =
    now !== null
      ? { value: now, from: 'automatic', quarter: null }
      : reported !== undefined
        ? { value: reported.value, from: 'reported', quarter: reported.quarter }
        : { value: null, from: null, quarter: null };
  return {
    activity,
    automatic,
    values,
    latest,
    progress: progressTowardTarget(activity.baseline, activity.target, latest.value),
  };
}

function narrativesOf(
  activities: readonly ReportActivity[],
  quarters: readonly Quarter[],
  reports: ReadonlyMap<string, ReadonlyMap<Quarter, MapProgress>>,
): QuarterNarratives[] {
  return quarters
    .map((quarter) => ({
      quarter,
      entries: activities.flatMap(({ activity }) => {
        const entry = reports.get(activity.id)?.get(quarter);
        const narrative = entry?.narrative.trim() ?? '';
        if (entry === undefined || narrative === '') return [];
        return [{ activityId: activity.id, activityTitle: activity.title, narrative, recordedBy: entry.recordedBy }];
      }),
    }))
    .filter((quarter) => quarter.entries.length > 0);
}
