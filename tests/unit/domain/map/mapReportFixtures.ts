import { computeDashboard } from '../../../../src/domain/dashboard/computeDashboard.ts';
import type { DashboardFigures } from '../../../../src/domain/dashboard/dashboardFigures.ts';
import type { MapActivity, MapGoal, MapPlan, MapProgress } from '../../../../src/domain/map/mapRecords.ts';
import type { MapReportInput } from '../../../../src/domain/map/mapReport.ts';

/** A small plan like the demo's (docs/mapReport.md), its numbers chosen so every expectation is worked by hand. */
export const PLAN: MapPlan = {
  id: 'plan-1',
  municipalityId: 'ferizaj',
  title: 'Plani i veprimit 2026–2028',
  periodStart: '2026-01-01',
  periodEnd: '2028-12-31',
  status: 'adopted',
  actReference: '01-016/26-1234',
  adoptedOn: '2026-03-15',
};

export function goal(id: string, position: number, title = `Goal ${id}`): MapGoal {
  return { id, planId: PLAN.id, title, position, removed: false };
}

export function activity(id: string, goalId: string, fields: Partial<MapActivity> = {}): MapActivity {
  return {
    id,
    planId: PLAN.id,
    goalId,
    title: `Activity ${id}`,
    responsible: 'Drejtoria Komunale e Arsimit',
    startDate: '2026-03-01',
    endDate: '2028-12-31',
    budget: null,
    indicator: 'Familje të vizituara',
    indicatorSource: 'manual',
    unit: 'count',
    baseline: 0,
    target: 60,
    removed: false,
    ...fields,
  };
}

let sequence = 0;
export function progress(
  activityId: string,
  period: string,
  value: number | null,
  narrative = '',
  recordedAt = '2026-10-01T08:00:00.000Z',
): MapProgress {
  sequence += 1;
  return {
    id: `progress-${String(sequence).padStart(4, '0')}`,
    planId: PLAN.id,
    activityId,
    period,
    value,
    narrative,
    recordedBy: 'Koordinatori komunal',
    recordedAt,
  };
}

export function input(fields: Partial<MapReportInput> = {}): MapReportInput {
  return { plan: PLAN, goals: [], activities: [], progress: [], ...fields };
}

/**
 * Figures whose answers are set by hand: `cases` opened, a share `onTime` of
 * plans within the deadline, and closures by outcome in OUTCOMES' order
 * (back, transferred, completed, dropped out, unknown, not confirmed).
 */
export function figures(cases: number, onTime: number | null, outcomes: number[]): DashboardFigures {
  const base = computeDashboard({
    asOf: '2026-11-23',
    schools: [],
    students: [],
    screenings: [],
    cases: [],
    planActions: [],
  });
  const all = base.breakdowns.all;
  all.casesByStatus.total = cases;
  all.flagToPlan.overallShareOnTime = onTime;
  all.outcomes.columnTotals = outcomes;
  return base;
}
