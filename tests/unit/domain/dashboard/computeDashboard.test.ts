/**
 * The dashboard's figures over a small place whose every count was worked out
 * by hand (the cases and their reasons are in dashboardFixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../../src/domain/dashboard/computeDashboard.ts';
import type { FigureTable } from '../../../../src/domain/dashboard/dashboardFigures.ts';
import { windowMonths } from '../../../../src/domain/dashboard/dashboardWindow.ts';
import { planDeadline } from '../../../../src/domain/dashboard/flagToPlan.ts';
import { getProfile } from '../../../../src/domain/profiles/profiles.ts';
import { AS_OF, handCountedInput, kase, SCHOOL_A, SCHOOL_B } from './dashboardFixtures.ts';

/** A table as { group: { column: count, '#': row total } }, leaving out zero cells. */
function counts(table: FigureTable): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    table.rows.map((row) => [
      row.group,
      {
        ...Object.fromEntries(
          table.columns.flatMap((column, index) => (row.cells[index] === 0 ? [] : [[column, row.cells[index]]])),
        ),
        '#': row.total,
      },
    ]),
  );
}

const figures = computeDashboard(handCountedInput());
const { all, school, sex, area, community } = figures.breakdowns;

describe('computeDashboard', () => {
  it('looks back twelve calendar months ending with the day it is for', () => {
    expect(figures.asOf).toBe(AS_OF);
    expect(figures.months).toEqual(windowMonths(AS_OF));
    expect(figures.months[0]).toBe('2025-12');
    expect(figures.months.at(-1)).toBe('2026-11');
    expect(windowMonths('2026-01-31')).toEqual([
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
    expect(figures.suppressed).toBe(false);
  });

  it('counts the students screened in the window by their latest level, in the place only', () => {
    // s1 high (its 2025 screening is older), s3 low, s4 veryHigh (latest of two); s2 was screened before the
    // window, s5 never, s6 goes to a school outside the place.
    expect(counts(all.screened)).toEqual({ all: { low: 1, high: 1, veryHigh: 1, '#': 3 } });
    expect(counts(school.screened)).toEqual({
      [SCHOOL_A]: { low: 1, high: 1, '#': 2 },
      [SCHOOL_B]: { veryHigh: 1, '#': 1 },
    });
    expect(counts(sex.screened)).toEqual({ female: { low: 1, high: 1, '#': 2 }, male: { veryHigh: 1, '#': 1 } });
    expect(counts(area.screened)).toEqual({ rural: { high: 1, veryHigh: 1, '#': 2 }, urban: { low: 1, '#': 1 } });
    expect(counts(community.screened)).toEqual({
      serb: { veryHigh: 1, '#': 1 },
      roma: { high: 1, '#': 1 },
      notRecorded: { low: 1, '#': 1 },
    });
  });

  it('counts the caseload (open cases and those closed in the window) by status and by risk level', () => {
    // c6 closed before the window; c8 is outside the place.
    expect(counts(all.casesByStatus)).toEqual({
      all: { flagged: 1, open: 1, planActive: 1, monitoring: 1, closed: 3, '#': 7 },
    });
    expect(counts(school.casesByStatus)).toEqual({
      [SCHOOL_A]: { flagged: 1, open: 1, planActive: 1, monitoring: 1, closed: 1, '#': 5 },
      [SCHOOL_B]: { closed: 2, '#': 2 },
    });
    // The risk level of a case is its student's latest screening, however old.
    expect(counts(all.casesByRisk)).toEqual({
      all: { low: 1, medium: 2, high: 2, veryHigh: 1, notScreened: 1, '#': 7 },
    });
    expect(counts(sex.casesByRisk)).toEqual({
      female: { low: 1, high: 2, notScreened: 1, '#': 4 },
      male: { medium: 2, veryHigh: 1, '#': 3 },
    });
  });

  it('counts new cases per month of the window by the flag date', () => {
    const perMonth = Object.fromEntries(
      all.newCases.columns.flatMap((month, index) => {
        const count = all.newCases.rows[0]?.cells[index];
        return count === 0 ? [] : [[month, count]];
      }),
    );
    expect(perMonth).toEqual({ '2026-01': 1, '2026-02': 1, '2026-09': 1, '2026-10': 1, '2026-11': 2 });
    expect(all.newCases.total).toBe(6);
    expect(counts(area.newCases)).toEqual({
      rural: { '2026-02': 1, '2026-09': 1, '2026-11': 1, '#': 3 },
      urban: { '2026-01': 1, '2026-10': 1, '2026-11': 1, '#': 3 },
    });
  });

  it('measures flag to plan against the profile: on time, late, overdue; reopened and pending cases apart', () => {
    // Kosovo: 5 school days to open, then 30 days to plan.
    expect(planDeadline(getProfile('XK'), '2026-09-01')).toBe('2026-10-08');
    expect(planDeadline(getProfile('XK'), '2026-01-15')).toBe('2026-02-21');
    expect(planDeadline(getProfile('XK'), '2026-10-01')).toBe('2026-11-07');
    // c1 planned in 19 days (on time), c2 in 54 (late), c3 has no plan 16 days past its deadline;
    // c5 closed before a plan, c7 was reopened, c9's deadline is still ahead.
    expect(counts(all.flagToPlan)).toEqual({ all: { onTime: 1, late: 1, overdue: 1, '#': 3 } });
    expect(all.flagToPlan.medianDays).toEqual([36.5]);
    expect(all.flagToPlan.overallMedianDays).toBe(36.5);
    expect(all.flagToPlan.shareOnTime).toEqual([1 / 3]);
    expect(all.flagToPlan.overallShareOnTime).toBe(1 / 3);
    expect(counts(community.flagToPlan)).toEqual({
      albanian: { late: 1, '#': 1 },
      roma: { onTime: 1, '#': 1 },
      notRecorded: { overdue: 1, '#': 1 },
    });
    expect(community.flagToPlan.medianDays).toEqual([54, 19, null]);
    expect(community.flagToPlan.shareOnTime).toEqual([0, 1, 0]);
  });

  it('counts plan actions of the caseload by intervention category and by status', () => {
    expect(counts(all.actionsByType)).toEqual({
      all: { familyWork: 1, psychosocial: 1, academic: 1, material: 1, '#': 4 },
    });
    expect(counts(all.actionsByStatus)).toEqual({ all: { planned: 1, inProgress: 1, done: 2, '#': 4 } });
    expect(counts(school.actionsByStatus)).toEqual({
      [SCHOOL_A]: { planned: 1, inProgress: 1, done: 2, '#': 4 },
      [SCHOOL_B]: { '#': 0 },
    });
  });

  it('maps closure reasons to outcomes, counting the cases closed in the window', () => {
    expect(counts(all.outcomes)).toEqual({ all: { backToAttendance: 1, droppedOut: 1, notConfirmed: 1, '#': 3 } });
    expect(counts(school.outcomes)).toEqual({
      [SCHOOL_A]: { backToAttendance: 1, '#': 1 },
      [SCHOOL_B]: { droppedOut: 1, notConfirmed: 1, '#': 2 },
    });
  });

  it('lists every school of the place, and only the personal groups that have records', () => {
    expect(school.casesByStatus.rows.map((row) => row.group)).toEqual([SCHOOL_A, SCHOOL_B]);
    expect(sex.casesByStatus.rows.map((row) => row.group)).toEqual(['female', 'male']);
    const empty = computeDashboard({ ...handCountedInput(), cases: [], screenings: [], planActions: [] });
    expect(empty.breakdowns.school.casesByStatus.rows.map((row) => row.total)).toEqual([0, 0]);
    expect(empty.breakdowns.all.casesByStatus.total).toBe(0);
    expect(empty.breakdowns.sex.casesByStatus.rows).toEqual([]);
    expect(empty.breakdowns.all.flagToPlan.overallMedianDays).toBeNull();
    expect(empty.breakdowns.all.flagToPlan.overallShareOnTime).toBeNull();
  });

  it('counts a case whose student is not on the phone as unknown, and a closure without its reason as unknown', () => {
    const input = handCountedInput();
    const partial = computeDashboard({
      ...input,
      cases: [
        kase('lost', 'not-here', SCHOOL_A, 'open', { flaggedAt: '2026-11-01' }),
        kase('half', 's1', SCHOOL_A, 'closed', { flaggedAt: '2026-10-01', closedAt: '2026-11-01' }),
        kase('future', 's1', SCHOOL_A, 'closed', { flaggedAt: '2026-11-30', closedAt: '2026-12-01' }),
      ],
    });
    expect(counts(partial.breakdowns.sex.casesByStatus)).toEqual({
      female: { closed: 1, '#': 1 },
      unknown: { open: 1, '#': 1 },
    });
    expect(counts(partial.breakdowns.all.outcomes)).toEqual({ all: { outcomeUnknown: 1, '#': 1 } });
    expect(partial.breakdowns.all.newCases.total).toBe(2);
  });
});
