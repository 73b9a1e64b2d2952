/**
 * Small-count suppression of whole figures, for a municipality and its
 * schools together (suppressCounts.test.ts works the rule out by hand on
 * bare sums): no count of 1–4 shown, no sum left with a lone unknown, and a
 * school's counts alike wherever they appear.
 */
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../../src/domain/dashboard/computeDashboard.ts';
import {
  BREAKDOWNS,
  FIGURE_KEYS,
  type DashboardFigures,
  type DashboardInput,
  type FigureTable,
  type ShownCount,
} from '../../../../src/domain/dashboard/dashboardFigures.ts';
import { suppressSmallCounts } from '../../../../src/domain/dashboard/suppressSmallCounts.ts';
import { AS_OF, closed, kase, SCHOOL_A, SCHOOL_B, screening, student } from './dashboardFixtures.ts';

/** Every way a table's published counts add up, checked on what is shown: no sum with exactly one unknown. */
function loneUnknowns(table: FigureTable): string[] {
  const unknown = (count: ShownCount | undefined) => typeof count !== 'number';
  const problems: string[] = [];
  const check = (name: string, members: (ShownCount | undefined)[], total: ShownCount) => {
    if ([...members, total].filter(unknown).length === 1) problems.push(name);
  };
  for (const row of table.rows) check(`row ${row.group}`, row.cells, row.total);
  table.columns.forEach((column, index) =>
    check(
      `column ${column}`,
      table.rows.map((row) => row.cells[index]),
      table.columnTotals[index] ?? 'hidden',
    ),
  );
  check(
    'row totals',
    table.rows.map((row) => row.total),
    table.total,
  );
  check('column totals', table.columnTotals, table.total);
  return problems;
}

/** Girls at school A (7 with a plan on time, 3 closed before a plan), girls at B (6 on time), `boys` boys at B. */
function municipalityInput(boys: number): DashboardInput {
  const students: DashboardInput['students'][number][] = [];
  const cases: DashboardInput['cases'][number][] = [];
  const add = (n: number, schoolId: string, sex: 'female' | 'male', closedBeforePlan: boolean) => {
    const id = `s${n}`;
    students.push(student(id, schoolId, sex, false, 'albanian'));
    cases.push(
      closedBeforePlan
        ? closed(`c${n}`, id, schoolId, 'flagNotConfirmed', { flaggedAt: '2026-10-05', closedAt: '2026-10-09' })
        : kase(`c${n}`, id, schoolId, 'planActive', {
            flaggedAt: '2026-10-05',
            openedAt: '2026-10-06',
            planActivatedAt: '2026-10-20',
          }),
    );
  };
  for (let n = 0; n < 10; n += 1) add(n, SCHOOL_A, 'female', n >= 7);
  for (let n = 10; n < 16; n += 1) add(n, SCHOOL_B, 'female', false);
  for (let n = 16; n < 16 + boys; n += 1) add(n, SCHOOL_B, 'male', false);
  return {
    asOf: AS_OF,
    schools: [
      { id: SCHOOL_A, country: 'XK' },
      { id: SCHOOL_B, country: 'XK' },
    ],
    students,
    screenings: [screening('x0', 's0', '2026-10-01', 'high')],
    cases,
    planActions: [],
  };
}

function schoolInput(input: DashboardInput, schoolId: string): DashboardInput {
  return { ...input, schools: input.schools.filter((school) => school.id === schoolId) };
}

function allTables(figures: DashboardFigures): [string, FigureTable][] {
  return BREAKDOWNS.flatMap((breakdown) =>
    FIGURE_KEYS.map((figure): [string, FigureTable] => [
      `${breakdown} ${figure}`,
      figures.breakdowns[breakdown][figure],
    ]),
  );
}

describe('suppressSmallCounts over a municipality and its schools', () => {
  const input = municipalityInput(4);
  const raw = [
    { schoolId: null, figures: computeDashboard(input) },
    { schoolId: SCHOOL_A, figures: computeDashboard(schoolInput(input, SCHOOL_A)) },
    { schoolId: SCHOOL_B, figures: computeDashboard(schoolInput(input, SCHOOL_B)) },
  ];
  const [municipality, schoolA, schoolB] = suppressSmallCounts(raw) as [
    DashboardFigures,
    DashboardFigures,
    DashboardFigures,
  ];

  it('shows no count of 1–4 and leaves no sum with a single unknown, in any table of any place', () => {
    for (const figures of [municipality, schoolA, schoolB]) {
      expect(figures.suppressed).toBe(true);
      for (const [name, table] of allTables(figures)) {
        const shown = [...table.rows.flatMap((row) => [...row.cells, row.total]), ...table.columnTotals, table.total];
        expect(
          shown.filter((count) => typeof count === 'number' && count > 0 && count < 5),
          name,
        ).toEqual([]);
        expect(loneUnknowns(table), name).toEqual([]);
      }
    }
  });

  it("shows a school's counts alike in the municipality's rows and in the school's own figures", () => {
    for (const [index, schoolFigures] of [schoolA, schoolB].entries()) {
      for (const figure of FIGURE_KEYS) {
        const row = municipality.breakdowns.school[figure].rows[index];
        const own = schoolFigures.breakdowns.all[figure].rows[0];
        expect(own?.cells, figure).toEqual(row?.cells);
        expect(own?.total, figure).toEqual(row?.total);
      }
    }
  });

  it('keeps what can be shown: 20 cases, 17 with a plan, the 3 closed and the 4 boys suppressed', () => {
    const byStatus = municipality.breakdowns.all.casesByStatus;
    expect(byStatus.total).toBe(20);
    expect(byStatus.rows[0]?.cells).toEqual([0, 0, 0, 'hidden', 0, 'fewerThan5']);
    expect(municipality.breakdowns.sex.casesByStatus.rows.map((row) => row.total)).toEqual(['hidden', 'fewerThan5']);
    expect(municipality.breakdowns.school.casesByStatus.rows.map((row) => row.total)).toEqual([10, 10]);
    // Nobody at school B was closed: its row is whole.
    expect(schoolB.breakdowns.all.casesByStatus.rows[0]?.cells).toEqual([0, 0, 0, 10, 0, 0]);
    // One student screened, at school A: suppressed, and the school's row with it.
    expect(municipality.breakdowns.all.screened.total).toBe('fewerThan5');
  });

  it('hides a median of fewer than 5 plans and a share whose count is not shown', () => {
    const timeliness = municipality.breakdowns.sex.flagToPlan;
    expect(raw[0]?.figures.breakdowns.sex.flagToPlan.medianDays).toEqual([15, 15]);
    // Girls: 13 plans on time (the 3 closed before a plan do not count) → median shown; boys: 4 plans → hidden.
    expect(timeliness.medianDays).toEqual([15, null]);
    expect(timeliness.shareOnTime[1]).toBeNull();
    // All 17 on time, in 15 days.
    expect(municipality.breakdowns.all.flagToPlan.overallMedianDays).toBe(15);
    const whole = suppressSmallCounts([{ schoolId: null, figures: computeDashboard(municipalityInput(5)) }])[0];
    expect(whole?.breakdowns.sex.flagToPlan.medianDays).toEqual([15, 15]);
    expect(whole?.breakdowns.sex.flagToPlan.shareOnTime).toEqual([1, 1]);
  });
});
