/**
 * The MAP progress report (docs/mapReport.md): values per quarter, the latest
 * value (automatic from the figures, else the newest reported), progress
 * toward the target, narratives by quarter and budget totals — every
 * expectation worked by hand from the fixtures.
 */
import { describe, expect, it } from 'vitest';
import { buildMapReport } from '../../../../src/domain/map/mapReport.ts';
import { activity, figures, goal, input, PLAN, progress } from './mapReportFixtures.ts';

const AS_OF = '2026-11-23';
const goals = [goal('g1', 1, 'Identifikimi i hershëm'), goal('g2', 2, 'Mbështetja e familjeve')];
const risk = activity('a-risk', 'g1', {
  title: 'Identifikimi i rrezikut',
  startDate: '2026-01-15',
  budget: 2500,
  indicatorSource: 'identifiedAtRisk',
  baseline: 12,
  target: 40,
});
const onTime = activity('a-plan', 'g1', {
  title: 'Plan individual brenda afatit',
  startDate: '2026-02-01',
  indicatorSource: 'planWithinDeadline',
  unit: 'percent',
  baseline: 40,
  target: 90,
});
const visits = activity('a-visits', 'g2', { title: 'Vizita në shtëpi', budget: 8000, baseline: 0, target: 60 });
const back = activity('a-back', 'g2', {
  title: 'Kthimi në mësim',
  budget: 1200,
  indicatorSource: 'backToAttendance',
  unit: 'percent',
  baseline: 30,
  target: 70,
});
const reports = [
  progress('a-visits', '2026-Q2', 14, 'Mentorët vizituan 14 familje.'),
  progress('a-visits', '2026-Q3', 27, 'Vizitat vazhduan.'),
  progress('a-risk', '2026-Q3', 31, 'Identifikimi u krye në dy shkolla.'),
];
const demo = input({ goals, activities: [visits, back, onTime, risk], progress: reports });
// 26 cases; 81.2 % of plans on time; closures 6 back, 1 transferred, 1 completed, 1 dropped out, 1 unknown, 3 unfounded.
const demoFigures = figures(26, 0.812, [6, 1, 1, 1, 1, 3]);

describe('the report of a plan under way', () => {
  const report = buildMapReport(demo, demoFigures, AS_OF);

  it('covers the plan’s quarters up to the one of the report’s day', () => {
    expect(report.quarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(report.asOf).toBe(AS_OF);
    expect(report.figuresAsOf).toBe('2026-11-23');
  });

  it('keeps goals in plan order and activities by start date, then title', () => {
    expect(report.goals.map((entry) => entry.goal.id)).toEqual(['g1', 'g2']);
    expect(report.goals[0]!.activities.map((entry) => entry.activity.id)).toEqual(['a-risk', 'a-plan']);
    // Both start on 2026-03-01: "Kthimi…" before "Vizita…".
    expect(report.goals[1]!.activities.map((entry) => entry.activity.id)).toEqual(['a-back', 'a-visits']);
  });

  it('shows each quarter’s reported value, and the automatic value now for automatic indicators', () => {
    const [riskRow, planRow] = report.goals[0]!.activities;
    const [backRow, visitsRow] = report.goals[1]!.activities;
    expect(visitsRow!.values.map((entry) => entry.value)).toEqual([null, 14, 27, null]);
    expect(visitsRow!.latest).toEqual({ value: 27, from: 'reported', quarter: '2026-Q3' });
    expect(visitsRow!.automatic).toBe(false);
    // The quarter's reported 31 stays in its column; the latest is the 26 cases the figures count now.
    expect(riskRow!.values.map((entry) => entry.value)).toEqual([null, null, 31, null]);
    expect(riskRow!.latest).toEqual({ value: 26, from: 'automatic', quarter: null });
    expect(riskRow!.automatic).toBe(true);
    expect(planRow!.latest).toEqual({ value: 81.2, from: 'automatic', quarter: null });
    // 6 back of 10 closures with an outcome (the 3 unfounded flags left out): 60 %.
    expect(backRow!.latest).toEqual({ value: 60, from: 'automatic', quarter: null });
  });

  it('measures progress as the share of the way from baseline to target', () => {
    const shares = report.goals.flatMap((entry) => entry.activities.map((row) => [row.activity.id, row.progress]));
    expect(shares).toEqual([
      ['a-risk', 50], // (26 − 12) / (40 − 12) = 14 / 28
      ['a-plan', 82.4], // (81.2 − 40) / (90 − 40) = 41.2 / 50
      ['a-back', 75], // (60 − 30) / (70 − 30) = 30 / 40
      ['a-visits', 45], // (27 − 0) / (60 − 0)
    ]);
  });

  it('totals the budgets per goal and for the plan, counting the activities without one', () => {
    expect(report.goals.map((entry) => [entry.budget, entry.unbudgeted])).toEqual([
      [2500, 1],
      [9200, 0],
    ]);
    expect([report.budget, report.unbudgeted]).toEqual([11700, 1]);
  });

  it('gathers each goal’s narratives by quarter, only the quarters with words', () => {
    expect(report.goals[0]!.narratives).toEqual([
      {
        quarter: '2026-Q3',
        entries: [
          {
            activityId: 'a-risk',
            activityTitle: 'Identifikimi i rrezikut',
            narrative: 'Identifikimi u krye në dy shkolla.',
            recordedBy: 'Koordinatori komunal',
          },
        ],
      },
    ]);
    expect(report.goals[1]!.narratives.map((entry) => [entry.quarter, entry.entries[0]!.narrative])).toEqual([
      ['2026-Q2', 'Mentorët vizituan 14 familje.'],
      ['2026-Q3', 'Vizitat vazhduan.'],
    ]);
  });
});

describe('without figures the case data can answer', () => {
  it('takes an automatic indicator’s newest reported value, or none', () => {
    const report = buildMapReport(demo, undefined, AS_OF);
    const [riskRow, planRow] = report.goals[0]!.activities;
    expect(riskRow!.latest).toEqual({ value: 31, from: 'reported', quarter: '2026-Q3' });
    expect(riskRow!.progress).toBe(67.9); // (31 − 12) / 28 = 0.67857…
    expect(planRow!.latest).toEqual({ value: null, from: null, quarter: null });
    expect(planRow!.progress).toBeNull();
    expect(report.figuresAsOf).toBeNull();
  });

  it('does the same when the count is suppressed as too small to show', () => {
    const suppressed = figures(26, null, [6, 1, 1, 1, 1, 3]);
    suppressed.breakdowns.all.casesByStatus.total = 'fewerThan5';
    const [riskRow, planRow] = buildMapReport(demo, suppressed, AS_OF).goals[0]!.activities;
    expect(riskRow!.latest.from).toBe('reported');
    expect(planRow!.latest.value).toBeNull();
  });
});

describe('quarters and reports outside them', () => {
  it('has no quarters before the plan begins, and all twelve once it has ended', () => {
    expect(buildMapReport(demo, undefined, '2025-12-31').quarters).toEqual([]);
    const after = buildMapReport(demo, undefined, '2030-06-01').quarters;
    expect(after).toHaveLength(12);
    expect([after[0], after[11]]).toEqual(['2026-Q1', '2028-Q4']);
  });

  it('starts with the quarter a plan begins in, even mid-quarter', () => {
    const plan = { ...PLAN, periodStart: '2026-02-15' };
    expect(buildMapReport(input({ plan }), undefined, '2026-07-01').quarters).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
  });

  it('leaves out reports of quarters after the report’s day or outside the plan', () => {
    const entries = [progress('a-visits', '2027-Q1', 50, 'Not yet'), progress('a-visits', '2025-Q4', 5, 'Before')];
    const report = buildMapReport(input({ goals, activities: [visits], progress: entries }), undefined, AS_OF);
    const row = report.goals[1]!.activities[0]!;
    expect(row.values.every((entry) => entry.value === null)).toBe(true);
    expect(row.latest.value).toBeNull();
    expect(report.goals[1]!.narratives).toEqual([]);
  });

  it('takes the last report of a quarter as its correction, and the higher id on a tie', () => {
    const entries = [
      progress('a-visits', '2026-Q2', 10, 'First count', '2026-07-02T08:00:00.000Z'),
      progress('a-visits', '2026-Q2', 14, 'Corrected count', '2026-07-09T08:00:00.000Z'),
      progress('a-visits', '2026-Q3', 20, 'Tie one', '2026-10-01T08:00:00.000Z'),
      progress('a-visits', '2026-Q3', 21, 'Tie two', '2026-10-01T08:00:00.000Z'),
    ];
    const report = buildMapReport(input({ goals, activities: [visits], progress: entries }), undefined, AS_OF);
    expect(report.goals[1]!.activities[0]!.values.map((entry) => entry.value)).toEqual([null, 14, 21, null]);
    expect(report.goals[1]!.narratives.map((entry) => entry.entries[0]!.narrative)).toEqual([
      'Corrected count',
      'Tie two',
    ]);
  });

  it('keeps a narrative reported without a value, and skips blank ones', () => {
    const entries = [
      progress('a-visits', '2026-Q1', null, 'Contracts signed.'),
      progress('a-visits', '2026-Q2', 3, '  '),
    ];
    const report = buildMapReport(input({ goals, activities: [visits], progress: entries }), undefined, AS_OF);
    expect(report.goals[1]!.narratives.map((entry) => entry.quarter)).toEqual(['2026-Q1']);
    expect(report.goals[1]!.activities[0]!.latest).toEqual({ value: 3, from: 'reported', quarter: '2026-Q2' });
  });
});

describe('budgets and goals without activities', () => {
  it('has no total where no activity has a budget, and counts a zero budget as given', () => {
    const free = activity('a-free', 'g1', { budget: 0 });
    const none = activity('a-none', 'g2');
    const report = buildMapReport(input({ goals, activities: [free, none] }), undefined, AS_OF);
    expect(report.goals.map((entry) => [entry.budget, entry.unbudgeted])).toEqual([
      [0, 0],
      [null, 1],
    ]);
    expect([report.budget, report.unbudgeted]).toEqual([0, 1]);
  });

  it('lists a goal with no activities, and a plan with no goals', () => {
    const report = buildMapReport(input({ goals: [goal('g1', 1)] }), undefined, AS_OF);
    expect(report.goals).toEqual([
      { goal: goal('g1', 1), activities: [], budget: null, unbudgeted: 0, narratives: [] },
    ]);
    expect(buildMapReport(input(), undefined, AS_OF).budget).toBeNull();
  });
});
