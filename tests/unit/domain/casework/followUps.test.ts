import { describe, expect, it } from 'vitest';
import { schoolCalendar } from '../../../../src/domain/dueDates.ts';
import { computeFollowUps, type FollowUpItem } from '../../../../src/domain/followUps.ts';
import { getProfile } from '../../../../src/domain/profiles/profiles.ts';
import { makeAction, makeCase, makeScreening, makeVisit, USER_ID } from './fixtures.ts';

const XK = getProfile('XK');
const TODAY = '2026-03-10'; // a Tuesday

const cases = [
  makeCase({ id: 'c1', studentId: 's1', status: 'open', openedAt: '2026-02-01', caseManagerId: USER_ID }),
  makeCase({ id: 'c2', studentId: 's2', status: 'flagged', flaggedAt: '2026-03-06' }),
  makeCase({ id: 'c3', studentId: 's3', status: 'planActive', planActivatedAt: '2026-02-10' }),
  makeCase({ id: 'c4', studentId: 's4', status: 'closed', closedAt: '2026-02-01', closureReason: 'completed' }),
  makeCase({
    id: 'c5',
    studentId: 's5',
    status: 'monitoring',
    planActivatedAt: '2026-01-15',
    lastReviewedAt: '2026-03-01',
    monitoringSince: '2026-03-01',
  }),
];
const visits = [
  makeVisit('v1', { caseId: 'c3', visitDate: '2026-03-02', nextVisitDate: '2026-03-09' }),
  // v2 corrects v1's next-visit date: only the correction counts.
  makeVisit('v2', {
    caseId: 'c3',
    visitDate: '2026-03-02',
    nextVisitDate: '2026-03-12',
    correctionOf: 'v1',
    recordedAt: '2026-03-03T08:00:00.000Z',
  }),
  makeVisit('v3', { caseId: 'c5', visitDate: '2026-02-20', nextVisitDate: '2026-03-05' }),
  makeVisit('v4', { caseId: 'c5', visitDate: '2026-03-06', nextVisitDate: '2026-03-17' }),
  makeVisit('v5', { caseId: 'c4', visitDate: '2026-01-20', nextVisitDate: '2026-03-10' }),
  makeVisit('v6', { caseId: 'not-on-device', nextVisitDate: '2026-03-10' }),
  makeVisit('v7', { caseId: 'c1', visitDate: '2026-03-03', nextVisitDate: null }),
];
const planActions = [
  makeAction('a1', { caseId: 'c3', dueDate: '2026-03-10' }),
  makeAction('a2', {
    caseId: 'c3',
    dueDate: '2026-03-01',
    status: 'done',
    outcome: 'achieved',
    completedAt: '2026-03-01',
  }),
  makeAction('a3', { caseId: 'c5', dueDate: '2026-03-09', status: 'inProgress' }),
  makeAction('a4', { caseId: 'c5', dueDate: null }),
  makeAction('a5', { caseId: 'c4', dueDate: '2026-03-01' }),
  makeAction('a6', { caseId: 'c3', dueDate: '2026-03-18' }),
  makeAction('a7', { caseId: 'c1', dueDate: '2026-03-11', status: 'cancelled', completedAt: '2026-03-05' }),
];
const screenings = [
  makeScreening('k2', { studentId: 's1', screenedOn: '2026-03-02', term: '2025-2026/2', level: 'high' }),
  makeScreening('k1', { studentId: 's1', screenedOn: '2025-11-20', level: 'low' }),
  makeScreening('k0', { studentId: 's1', screenedOn: '2025-04-20', term: '2024-2025/2', level: 'veryHigh' }),
  makeScreening('m1', { studentId: 's2', screenedOn: '2025-11-20', level: 'high' }),
  makeScreening('m2', { studentId: 's2', screenedOn: '2026-03-01', term: '2025-2026/2', level: 'medium' }),
  makeScreening('n1', { studentId: 's9', screenedOn: '2025-11-21', level: 'low' }),
  makeScreening('n2', { studentId: 's9', screenedOn: '2026-03-05', term: '2025-2026/2', level: 'medium' }),
  makeScreening('p1', { studentId: 's3', screenedOn: '2026-03-05', level: 'veryHigh' }),
];

const ids = (items: FollowUpItem[]) => items.map((item) => `${item.kind}:${item.refId}@${item.due}`);

describe('computeFollowUps', () => {
  const result = computeFollowUps({ today: TODAY, cases, visits, planActions, screenings, profile: XK });

  it('lists overdue items, oldest first', () => {
    expect(ids(result.overdue)).toEqual([
      'deadline:c1:assessment@2026-02-15',
      'deadline:c1:plan@2026-03-03',
      'planAction:a3@2026-03-09',
    ]);
  });

  it('lists what is due today, deadlines first', () => {
    expect(ids(result.today)).toEqual(['deadline:c3:review@2026-03-10', 'planAction:a1@2026-03-10']);
  });

  it('lists the next seven days, today + 7 included, and nothing further', () => {
    expect(ids(result.thisWeek)).toEqual([
      'visit:v2@2026-03-12',
      'deadline:c2:openCase@2026-03-13',
      'visit:v4@2026-03-17',
    ]);
  });

  it('lists protocol deadlines about to pass, with their source', () => {
    expect(ids(result.deadlinesSoon)).toEqual(['deadline:c3:review@2026-03-10', 'deadline:c2:openCase@2026-03-13']);
    expect(result.deadlinesSoon[1]).toEqual({
      kind: 'deadline',
      caseId: 'c2',
      studentId: 's2',
      due: '2026-03-13',
      refId: 'c2:openCase',
      deadline: 'openCase',
      source: 'default',
    });
  });

  it('lists students whose level rose at their last screening, latest first, with their open case', () => {
    expect(result.riskRose).toEqual([
      { studentId: 's9', screeningId: 'n2', screenedOn: '2026-03-05', from: 'low', to: 'medium', caseId: null },
      { studentId: 's1', screeningId: 'k2', screenedOn: '2026-03-02', from: 'low', to: 'high', caseId: 'c1' },
    ]);
  });

  it('leaves out closed cases, unknown cases, corrected notes and finished actions', () => {
    const all = [...result.overdue, ...result.today, ...result.thisWeek].map((item) => item.refId);
    for (const absent of ['v1', 'v3', 'v5', 'v6', 'a2', 'a4', 'a5', 'a6', 'a7']) expect(all).not.toContain(absent);
  });

  it('honours the warning window and the school calendar', () => {
    const narrow = computeFollowUps({
      today: TODAY,
      cases,
      visits,
      planActions,
      screenings,
      profile: XK,
      deadlineWarningDays: 0,
    });
    expect(ids(narrow.deadlinesSoon)).toEqual(['deadline:c3:review@2026-03-10']);
    const holiday = schoolCalendar(['2026-03-12']);
    const withHoliday = computeFollowUps({
      today: TODAY,
      cases,
      visits: [],
      planActions: [],
      screenings: [],
      profile: XK,
      calendar: holiday,
    });
    expect(ids(withHoliday.thisWeek)).toEqual(['deadline:c2:openCase@2026-03-16']);
  });

  it('returns empty buckets for an empty device', () => {
    expect(
      computeFollowUps({ today: TODAY, cases: [], visits: [], planActions: [], screenings: [], profile: XK }),
    ).toEqual({
      overdue: [],
      today: [],
      thisWeek: [],
      deadlinesSoon: [],
      riskRose: [],
    });
  });

  it('handles 10,000 cases in one call', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      makeCase({ id: `c${i}`, studentId: `s${i}`, status: 'open', openedAt: '2026-03-01', caseManagerId: USER_ID }),
    );
    const manyActions = many.map((record, i) => makeAction(`a${i}`, { caseId: record.id, dueDate: '2026-03-10' }));
    const out = computeFollowUps({
      today: TODAY,
      cases: many,
      visits: [],
      planActions: manyActions,
      screenings: [],
      profile: XK,
    });
    expect(out.today).toHaveLength(10_000);
    expect(out.thisWeek).toHaveLength(10_000); // assessments due 2026-03-15
  });
});
