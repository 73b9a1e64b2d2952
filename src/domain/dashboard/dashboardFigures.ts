import type { CaseRecord } from '../caseRecord.ts';
import type { IsoDate } from '../dueDates.ts';
import type { PlanAction } from '../planAction.ts';
import type { ProfileId } from '../protocolProfile.ts';
import type { Screening } from '../riskScreening.ts';
import type { Student } from '../student.ts';

/**
 * The dashboard's figures (PRODUCT F16, docs/dashboard.md): counts of
 * students, cases and plan actions of one place (a municipality or a school),
 * each figure broken down by school, sex, rural/urban and community. Computed
 * by one pure function (computeDashboard.ts) on the server and on a school
 * team's phone; for readers who see aggregates only, small counts are then
 * suppressed (suppressSmallCounts.ts).
 */
export const BREAKDOWNS = ['all', 'school', 'sex', 'area', 'community'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const FIGURE_KEYS = [
  'screened',
  'casesByRisk',
  'casesByStatus',
  'newCases',
  'flagToPlan',
  'actionsByType',
  'actionsByStatus',
  'outcomes',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** Columns of the time-to-plan figure: plan on time, plan late, no plan yet though the deadline has passed. */
export const TIMELINESS = ['onTime', 'late', 'overdue'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

/** A case's risk level column when its student has never been screened. */
export const NOT_SCREENED = 'notScreened';

/** The row of the figure that is not broken down. */
export const ALL_GROUP = 'all';
/** A group for records whose student is not (yet) known: a partly pulled record on a phone. */
export const UNKNOWN_GROUP = 'unknown';
/** A student whose community was not recorded (it is optional: special-category data). */
export const NOT_RECORDED = 'notRecorded';

/**
 * A count as shown. For an aggregate-only reader a count of 1–4 is
 * `fewerThan5`, and a count that would let a suppressed one be worked out
 * from a total is `hidden` (secondary suppression); anyone else sees numbers.
 */
export type ShownCount = number | 'fewerThan5' | 'hidden';

export interface FigureRow {
  /** The group: `all`, a school id, a sex, `rural`/`urban`, a community code, or `unknown`/`notRecorded`. */
  group: string;
  cells: ShownCount[];
  total: ShownCount;
}

/** One figure under one breakdown: a row per group, a column per category, with totals. */
export interface FigureTable {
  columns: string[];
  rows: FigureRow[];
  columnTotals: ShownCount[];
  total: ShownCount;
}

/** Time from flag to plan: the counts, and per row the median days and the share on time (null when not shown). */
export interface TimelinessTable extends FigureTable {
  medianDays: (number | null)[];
  shareOnTime: (number | null)[];
  overallMedianDays: number | null;
  overallShareOnTime: number | null;
}

export type BreakdownFigures = { [K in FigureKey]: K extends 'flagToPlan' ? TimelinessTable : FigureTable };

export const DASHBOARD_FIGURES_VERSION = 1;

export interface DashboardFigures {
  /** Bumped when the shape changes, so a phone never reads an old snapshot as a new one. */
  version: typeof DASHBOARD_FIGURES_VERSION;
  /** The day the figures are for; the 12-month window ends with it. */
  asOf: IsoDate;
  /** The window's months, oldest first (YYYY-MM): the new-cases trend's columns. */
  months: string[];
  /** True when small counts are suppressed (an aggregate-only reader). */
  suppressed: boolean;
  breakdowns: Record<Breakdown, BreakdownFigures>;
}

export type DashboardStudent = Pick<Student, 'id' | 'schoolId' | 'sex' | 'rural' | 'community'>;
export type DashboardScreening = Pick<Screening, 'id' | 'studentId' | 'term' | 'screenedOn' | 'level'>;
export type DashboardCase = Pick<
  CaseRecord,
  | 'id'
  | 'studentId'
  | 'schoolId'
  | 'status'
  | 'flaggedAt'
  | 'openedAt'
  | 'planActivatedAt'
  | 'closedAt'
  | 'closureReason'
  | 'reopenCount'
>;
export type DashboardPlanAction = Pick<PlanAction, 'caseId' | 'interventionType' | 'status'>;

/**
 * What the figures are computed from: the place's schools and the records
 * there. Only the fields the figures need (the server reads no more), never a
 * name. Records of other schools may be given; they are left out.
 */
export interface DashboardInput {
  asOf: IsoDate;
  /** The place's schools, each with its protocol profile (the deadlines differ). */
  schools: readonly { id: string; country: ProfileId }[];
  /** The place's students and the students of its cases. */
  students: readonly DashboardStudent[];
  /** Screenings of those students. */
  screenings: readonly DashboardScreening[];
  cases: readonly DashboardCase[];
  /** Plan actions of those cases. */
  planActions: readonly DashboardPlanAction[];
}
