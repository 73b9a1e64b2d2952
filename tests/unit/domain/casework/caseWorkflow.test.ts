import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, flagCase, type CaseRecord, type CaseStatus } from '../../../../src/domain/caseRecord.ts';
import {
  ALLOWED_TRANSITIONS,
  assignCaseManager,
  canTransition,
  recordReview,
  transition,
  transitionAction,
} from '../../../../src/domain/caseWorkflow.ts';
import { makeCase, USER_ID } from './fixtures.ts';

/** A case sitting in `status`, with every earlier stage dated in January 2026. */
function caseIn(status: CaseStatus): CaseRecord {
  const stages: Partial<CaseRecord> = { flaggedAt: '2026-01-05' };
  const order: CaseStatus[] = ['open', 'assessed', 'planActive', 'monitoring'];
  const dates: Partial<Record<CaseStatus, Partial<CaseRecord>>> = {
    open: { openedAt: '2026-01-08', caseManagerId: USER_ID },
    assessed: { assessedAt: '2026-01-15' },
    planActive: { planActivatedAt: '2026-01-25' },
    monitoring: { monitoringSince: '2026-02-20' },
  };
  const reached = status === 'closed' ? order : order.slice(0, order.indexOf(status) + 1);
  for (const stage of reached) Object.assign(stages, dates[stage]);
  if (status === 'closed') Object.assign(stages, { closedAt: '2026-03-01', closureReason: 'attendanceNormal' });
  return makeCase({ ...stages, status });
}

/** The options each target needs to be accepted, so only the matrix decides. */
function optionsFor(to: CaseStatus) {
  if (to === 'closed') return { at: '2026-04-01', closureReason: 'movedAbroad' };
  if (to === 'open') return { at: '2026-04-01', caseManagerId: USER_ID };
  return { at: '2026-04-01' };
}

const EXPECTED: [CaseStatus, CaseStatus][] = [
  ['flagged', 'open'],
  ['flagged', 'closed'],
  ['open', 'assessed'],
  ['open', 'closed'],
  ['assessed', 'planActive'],
  ['assessed', 'closed'],
  ['planActive', 'monitoring'],
  ['planActive', 'closed'],
  ['monitoring', 'planActive'],
  ['monitoring', 'closed'],
  ['closed', 'open'],
];
const allowed = new Set(EXPECTED.map(([from, to]) => `${from}→${to}`));
const MATRIX = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to] as const));

describe('the status × status matrix', () => {
  it('allows exactly the documented steps', () => {
    const fromTable = CASE_STATUSES.flatMap((from) => ALLOWED_TRANSITIONS[from].map((to) => `${from}→${to}`));
    expect(new Set(fromTable)).toEqual(allowed);
  });

  it.each(MATRIX.filter(([from, to]) => allowed.has(`${from}→${to}`)))('allows %s → %s', (from, to) => {
    const before = caseIn(from);
    const result = transition(before, to, optionsFor(to));
    expect(canTransition(from, to)).toBe(true);
    expect(transitionAction(from, to)).not.toBeNull();
    if (!result.ok) throw new Error(result.code);
    expect(result.case.status).toBe(to);
    expect(result.event).toEqual({
      caseId: before.id,
      from,
      to,
      at: '2026-04-01',
      closureReason: to === 'closed' ? 'movedAbroad' : null,
      // A flag closed as unfounded never had a case manager.
      caseManagerId: from === 'flagged' && to === 'closed' ? null : USER_ID,
    });
  });

  it.each(MATRIX.filter(([from, to]) => !allowed.has(`${from}→${to}`)))('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(transitionAction(from, to)).toBeNull();
    expect(transition(caseIn(from), to, optionsFor(to))).toEqual({ ok: false, code: 'transitionNotAllowed' });
  });
});

describe('transition rules', () => {
  it('records the stage dates as the case moves forward', () => {
    let record = flagCase({ id: 'c1', studentId: 's1', schoolId: 'sch', trigger: 'absence', at: '2026-01-05' });
    expect(record).toMatchObject({ status: 'flagged', flaggedAt: '2026-01-05', caseManagerId: null });
    const steps: [CaseStatus, string][] = [
      ['open', '2026-01-08'],
      ['assessed', '2026-01-20'],
      ['planActive', '2026-02-01'],
      ['monitoring', '2026-03-01'],
    ];
    for (const [to, at] of steps) {
      const result = transition(record, to, { at, caseManagerId: USER_ID });
      if (!result.ok) throw new Error(result.code);
      record = result.case;
    }
    expect(record).toMatchObject({
      caseManagerId: USER_ID,
      openedAt: '2026-01-08',
      assessedAt: '2026-01-20',
      planActivatedAt: '2026-02-01',
      monitoringSince: '2026-03-01',
    });
  });

  it('needs a case manager to open, and keeps one per case', () => {
    const flagged = caseIn('flagged');
    expect(transition(flagged, 'open', { at: '2026-01-08' })).toEqual({ ok: false, code: 'caseManagerRequired' });
    expect(transition(flagged, 'open', { at: '2026-01-08', caseManagerId: '  ' })).toEqual({
      ok: false,
      code: 'caseManagerRequired',
    });
    const opened = transition(flagged, 'open', { at: '2026-01-08', caseManagerId: 'u2' });
    expect(opened.ok && opened.case.caseManagerId).toBe('u2');
    expect(assignCaseManager(caseIn('assessed'), 'u3')).toMatchObject({ ok: true, case: { caseManagerId: 'u3' } });
    expect(assignCaseManager(caseIn('assessed'), ' ')).toEqual({ ok: false, code: 'caseManagerRequired' });
    expect(assignCaseManager(caseIn('closed'), 'u3')).toEqual({ ok: false, code: 'caseClosed' });
  });

  it('requires a known closure reason to close, and only to close', () => {
    const open = caseIn('open');
    expect(transition(open, 'closed', { at: '2026-04-01' })).toEqual({ ok: false, code: 'closureReasonRequired' });
    expect(transition(open, 'closed', { at: '2026-04-01', closureReason: ' ' })).toEqual({
      ok: false,
      code: 'closureReasonRequired',
    });
    expect(transition(open, 'closed', { at: '2026-04-01', closureReason: 'bored' })).toEqual({
      ok: false,
      code: 'unknownClosureReason',
    });
    expect(
      transition(open, 'closed', {
        at: '2026-04-01',
        closureReason: 'movedAbroad',
        allowedClosureReasons: ['attendanceNormal'],
      }),
    ).toEqual({ ok: false, code: 'unknownClosureReason' });
    expect(transition(open, 'assessed', { at: '2026-04-01', closureReason: 'movedAbroad' })).toEqual({
      ok: false,
      code: 'closureReasonNotExpected',
    });
    const closed = transition(open, 'closed', { at: '2026-04-01', closureReason: 'transferConfirmed' });
    expect(closed).toMatchObject({ ok: true, case: { closedAt: '2026-04-01', closureReason: 'transferConfirmed' } });
  });

  it('refuses a malformed date, or one before the current stage began', () => {
    expect(transition(caseIn('open'), 'assessed', { at: '2026-02-30' })).toEqual({ ok: false, code: 'invalidDate' });
    expect(transition(caseIn('open'), 'assessed', { at: '2026-01-07' })).toEqual({
      ok: false,
      code: 'dateBeforeLastChange',
    });
    expect(transition(caseIn('open'), 'assessed', { at: '2026-01-08' }).ok).toBe(true);
  });

  it('reopens a closed case as a fresh cycle, keeping its manager and counting the reopening', () => {
    const result = transition(caseIn('closed'), 'open', { at: '2026-09-15' });
    expect(result).toMatchObject({
      ok: true,
      case: {
        status: 'open',
        openedAt: '2026-09-15',
        caseManagerId: USER_ID,
        assessedAt: null,
        planActivatedAt: null,
        monitoringSince: null,
        closedAt: null,
        closureReason: null,
        reopenCount: 1,
      },
    });
    expect(transitionAction('closed', 'open')).toBe('reopen');
  });

  it('counts a plan revision from monitoring as a review', () => {
    const result = transition(caseIn('monitoring'), 'planActive', { at: '2026-03-10' });
    expect(result).toMatchObject({
      ok: true,
      case: { planActivatedAt: '2026-01-25', lastReviewedAt: '2026-03-10', monitoringSince: null },
    });
    expect(transitionAction('monitoring', 'planActive')).toBe('revisePlan');
    expect(transitionAction('assessed', 'planActive')).toBe('activatePlan');
  });
});

describe('recordReview', () => {
  it('is allowed while the plan is active or monitored, not before or after', () => {
    expect(recordReview(caseIn('planActive'), '2026-02-25')).toMatchObject({
      ok: true,
      case: { lastReviewedAt: '2026-02-25' },
    });
    expect(recordReview(caseIn('monitoring'), '2026-03-20').ok).toBe(true);
    for (const status of ['flagged', 'open', 'assessed', 'closed'] as const) {
      expect(recordReview(caseIn(status), '2026-03-20')).toEqual({ ok: false, code: 'reviewNotAllowed' });
    }
    expect(recordReview(caseIn('planActive'), '2026-01-01')).toEqual({ ok: false, code: 'dateBeforeLastChange' });
    expect(recordReview(caseIn('planActive'), 'soon')).toEqual({ ok: false, code: 'invalidDate' });
  });
});
