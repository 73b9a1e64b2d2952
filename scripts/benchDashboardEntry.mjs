// The device half of the dashboard benchmark, bundled for the browser by scripts/benchDashboardDevice.mjs:
// a school's 10,000 cases as the phone holds them (students, screenings, cases in every status over the
// last 18 months, plan actions), generated deterministically, and the one pure function that computes
// its figures (src/domain/dashboard/computeDashboard.ts), timed in the page.
import { CASE_STATUSES, CLOSURE_REASONS } from '../src/domain/caseRecord.ts';
import { computeDashboard } from '../src/domain/dashboard/computeDashboard.ts';
import { addCalendarDays } from '../src/domain/dueDates.ts';
import { INTERVENTION_CODES } from '../src/domain/interventions.ts';
import { PLAN_ACTION_STATUSES } from '../src/domain/planAction.ts';
import { RISK_LEVELS } from '../src/domain/protocolProfile.ts';
import { COMMUNITIES, SEXES } from '../src/domain/student.ts';

/** A small deterministic generator (mulberry32): the same records on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(count, asOf) {
  const next = random(20261207);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const schoolId = 'bench-school';
  const input = {
    asOf,
    schools: [{ id: schoolId, country: 'XK' }],
    students: [],
    screenings: [],
    cases: [],
    planActions: [],
  };
  for (let n = 0; n < count; n += 1) {
    const studentId = `student-${n}`;
    input.students.push({
      id: studentId,
      schoolId,
      sex: pick(SEXES),
      rural: next() < 0.4,
      community: next() < 0.2 ? '' : pick(COMMUNITIES),
    });
    const screenings = next() < 0.6 ? 2 : 1;
    for (let s = 0; s < screenings; s += 1) {
      const screenedOn = addCalendarDays(asOf, -Math.floor(next() * 500));
      input.screenings.push({
        id: `screening-${n}-${s}`,
        studentId,
        term: '2026-2027/1',
        screenedOn,
        level: pick(RISK_LEVELS),
      });
    }
    const status = pick(CASE_STATUSES);
    const flaggedAt = addCalendarDays(asOf, -Math.floor(next() * 540));
    const stage = CASE_STATUSES.indexOf(status);
    const planned = stage >= 3 ? addCalendarDays(flaggedAt, 10 + Math.floor(next() * 40)) : null;
    input.cases.push({
      id: `case-${n}`,
      studentId,
      schoolId,
      status,
      flaggedAt,
      openedAt: stage >= 1 ? addCalendarDays(flaggedAt, 2) : null,
      planActivatedAt: planned,
      closedAt: status === 'closed' ? addCalendarDays(flaggedAt, 120) : null,
      closureReason: status === 'closed' ? pick(CLOSURE_REASONS) : null,
      reopenCount: next() < 0.03 ? 1 : 0,
    });
    const actions = planned === null ? 0 : Math.floor(next() * 4);
    for (let a = 0; a < actions; a += 1) {
      input.planActions.push({
        caseId: `case-${n}`,
        interventionType: pick(INTERVENTION_CODES),
        status: pick(PLAN_ACTION_STATUSES),
      });
    }
  }
  return input;
}

window.__uraDashboardBench = {
  /** Milliseconds per computation, `runs` times, over `count` cases (generation not timed). */
  run(count, runs, asOf) {
    const input = generate(count, asOf);
    const times = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      const figures = computeDashboard(input);
      times.push(performance.now() - started);
      if (figures.breakdowns.all.casesByStatus.total === 0) throw new Error('no case was counted');
    }
    return { times, actions: input.planActions.length, screenings: input.screenings.length };
  },
};
