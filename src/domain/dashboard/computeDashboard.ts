import { CASE_STATUSES } from '../caseRecord.ts';
import type { IsoDate } from '../dueDates.ts';
import { INTERVENTION_CATEGORIES, interventionType } from '../interventions.ts';
import { PLAN_ACTION_STATUSES } from '../planAction.ts';
import { RISK_LEVELS, type ProfileId, type RiskLevel } from '../protocolProfile.ts';
import { OUTCOME_OF_REASON, OUTCOMES } from './closureOutcomes.ts';
import {
  BREAKDOWNS,
  DASHBOARD_FIGURES_VERSION,
  NOT_SCREENED,
  TIMELINESS,
  type Breakdown,
  type BreakdownFigures,
  type DashboardCase,
  type DashboardFigures,
  type DashboardInput,
  type FigureTable,
  type TimelinessTable,
} from './dashboardFigures.ts';
import { GroupsCache, type Grouped } from './dashboardGroups.ts';
import { inWindow, monthOf, windowMonths } from './dashboardWindow.ts';
import { median, timelinessOf } from './flagToPlan.ts';
import { DaysTally, DeadlineCache, latestLevels, memoDaysBetween } from './computeCaches.ts';
import { Tally } from './tally.ts';

const indexOf = (list: readonly string[]) => new Map(list.map((item, index) => [item, index]));
const RISK_COLUMNS = [...RISK_LEVELS, NOT_SCREENED];
const RISK_INDEX = indexOf(RISK_COLUMNS);
const STATUS_INDEX = indexOf(CASE_STATUSES);
const CATEGORY_INDEX = indexOf(INTERVENTION_CATEGORIES);
const ACTION_STATUS_INDEX = indexOf(PLAN_ACTION_STATUSES);
const OUTCOME_INDEX = indexOf(OUTCOMES);
const TIMELINESS_INDEX = indexOf(TIMELINESS);

/**
 * Whether a case belongs to the current caseload: every case not closed, and
 * the cases closed within the window (the outcomes). A closed case whose
 * closing date has not arrived yet on this phone is left out.
 */
function inCaseload(record: DashboardCase, since: IsoDate, asOf: IsoDate): boolean {
  return record.status !== 'closed' || inWindow(record.closedAt, since, asOf);
}

/**
 * The figures of one place (docs/dashboard.md says what each counts): the
 * schools of `input.schools` and their records, as numbers, every breakdown
 * at once. Linear in the records given; small counts are left as they are
 * (suppressSmallCounts.ts suppresses them for aggregate-only readers).
 */
export function computeDashboard(input: DashboardInput): DashboardFigures {
  const { asOf } = input;
  const months = windowMonths(asOf);
  const since = `${months[0] ?? monthOf(asOf)}-01`;
  const monthIndex = indexOf(months);
  const schoolIds = input.schools.map((school) => school.id);
  const countryOf = new Map<string, ProfileId>(input.schools.map((school) => [school.id, school.country]));
  const students = new Map(input.students.map((student) => [student.id, student]));
  const latest = latestLevels(input.screenings);
  const screenedRecently = new Set(
    input.screenings.filter((s) => inWindow(s.screenedOn, since, asOf)).map((s) => s.studentId),
  );
  const groupsCache = new GroupsCache(students);
  const tally = (columns: readonly string[]) => new Tally(columns, groupsCache);
  const tallies = {
    screened: tally(RISK_LEVELS),
    casesByRisk: tally(RISK_COLUMNS),
    casesByStatus: tally(CASE_STATUSES),
    newCases: tally(months),
    flagToPlan: tally(TIMELINESS),
    actionsByType: tally(INTERVENTION_CATEGORIES),
    actionsByStatus: tally(PLAN_ACTION_STATUSES),
    outcomes: tally(OUTCOMES),
  };
  const days = new DaysTally(groupsCache);
  const deadlines = new DeadlineCache();
  const daysBetween = memoDaysBetween();

  for (const student of input.students) {
    const level = latest.get(student.id)?.level;
    if (!countryOf.has(student.schoolId) || !screenedRecently.has(student.id) || level === undefined) continue;
    tallies.screened.add(groupsCache.of(student.schoolId, student.id), RISK_INDEX.get(level) ?? 0);
  }

  const caseloadGroups = new Map<string, Grouped>();
  for (const record of input.cases) {
    const country = countryOf.get(record.schoolId);
    if (country === undefined) continue;
    const groups = groupsCache.of(record.schoolId, record.studentId);
    if (inCaseload(record, since, asOf)) {
      caseloadGroups.set(record.id, groups);
      tallies.casesByStatus.add(groups, STATUS_INDEX.get(record.status) ?? 0);
      const level: RiskLevel | undefined = latest.get(record.studentId)?.level;
      tallies.casesByRisk.add(groups, RISK_INDEX.get(level ?? NOT_SCREENED) ?? 0);
      if (record.status === 'closed') {
        // A closure still missing its reason on this phone counts as unknown, so outcomes add up to closed cases.
        const outcome = record.closureReason === null ? 'outcomeUnknown' : OUTCOME_OF_REASON[record.closureReason];
        tallies.outcomes.add(groups, OUTCOME_INDEX.get(outcome) ?? 0);
      }
    }
    if (!inWindow(record.flaggedAt, since, asOf)) continue;
    const deadline = deadlines.of(country, record.flaggedAt);
    if (deadline === null) continue;
    tallies.newCases.add(groups, monthIndex.get(monthOf(record.flaggedAt)) ?? 0);
    const timeliness = timelinessOf(record, deadline, asOf, daysBetween);
    if (timeliness === null) continue;
    tallies.flagToPlan.add(groups, TIMELINESS_INDEX.get(timeliness.kind) ?? 0);
    if (timeliness.days !== null) days.add(groups, timeliness.days);
  }

  for (const action of input.planActions) {
    const groups = caseloadGroups.get(action.caseId);
    const category = interventionType(action.interventionType)?.category;
    if (groups === undefined || category === undefined) continue;
    tallies.actionsByType.add(groups, CATEGORY_INDEX.get(category) ?? 0);
    tallies.actionsByStatus.add(groups, ACTION_STATUS_INDEX.get(action.status) ?? 0);
  }

  const breakdownFigures = (breakdown: Breakdown): BreakdownFigures => {
    const table = (tally: Tally): FigureTable => tally.table(breakdown, schoolIds);
    return {
      screened: table(tallies.screened),
      casesByRisk: table(tallies.casesByRisk),
      casesByStatus: table(tallies.casesByStatus),
      newCases: table(tallies.newCases),
      flagToPlan: withTimeliness(table(tallies.flagToPlan), breakdown, days),
      actionsByType: table(tallies.actionsByType),
      actionsByStatus: table(tallies.actionsByStatus),
      outcomes: table(tallies.outcomes),
    };
  };
  return {
    version: DASHBOARD_FIGURES_VERSION,
    asOf,
    months,
    suppressed: false,
    breakdowns: Object.fromEntries(BREAKDOWNS.map((b) => [b, breakdownFigures(b)])) as Record<
      Breakdown,
      BreakdownFigures
    >,
  };
}

const ON_TIME = TIMELINESS_INDEX.get('onTime') ?? 0;

function shareOnTime(cells: readonly number[], total: number): number | null {
  return total === 0 ? null : (cells[ON_TIME] ?? 0) / total;
}

function withTimeliness(table: FigureTable, breakdown: Breakdown, days: DaysTally): TimelinessTable {
  const counts = (cells: FigureTable['columnTotals']) => cells as number[];
  return {
    ...table,
    medianDays: table.rows.map((row) => median(days.of(breakdown, row.group))),
    shareOnTime: table.rows.map((row) => shareOnTime(counts(row.cells), row.total as number)),
    overallMedianDays: median(days.all),
    overallShareOnTime: shareOnTime(counts(table.columnTotals), table.total as number),
  };
}
