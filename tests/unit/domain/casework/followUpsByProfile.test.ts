import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../../src/domain/caseRecord.ts';
import { computeFollowUps, type FollowUpItem } from '../../../../src/domain/followUps.ts';
import { computeFollowUpsByProfile } from '../../../../src/domain/followUpsByProfile.ts';
import { getProfile } from '../../../../src/domain/profiles/profiles.ts';
import type { ProtocolProfile } from '../../../../src/domain/protocolProfile.ts';
import { makeAction, makeCase, makeScreening, makeVisit, USER_ID } from './fixtures.ts';

const TODAY = '2026-03-10'; // a Tuesday
const XK = getProfile('XK');
const RS = getProfile('RS');
// Serbia's administrator shortened the assessment to 7 days, so the two profiles give different due dates.
const RS_SHORT: ProtocolProfile = {
  ...RS,
  deadlines: {
    ...RS.deadlines,
    assessment: { duration: { amount: 7, unit: 'calendarDays' }, source: 'admin', refs: [] },
  },
};
const KOSOVO_SCHOOL = 'school-xk';
const SERBIA_SCHOOL = 'school-rs';
const profileOfSchool = new Map([
  [KOSOVO_SCHOOL, XK],
  [SERBIA_SCHOOL, RS_SHORT],
]);
const profileOf = (record: CaseRecord) => profileOfSchool.get(record.schoolId);

// Both opened on 1 March: assessment due 15 March in Kosovo, 8 March under the shortened Serbian profile.
const kosovoCase = makeCase({
  id: 'cx',
  studentId: 'sx',
  schoolId: KOSOVO_SCHOOL,
  status: 'open',
  openedAt: '2026-03-01',
  caseManagerId: USER_ID,
});
const serbiaCase = makeCase({
  id: 'cr',
  studentId: 'sr',
  schoolId: SERBIA_SCHOOL,
  status: 'open',
  openedAt: '2026-03-01',
  caseManagerId: USER_ID,
});
const visits = [
  makeVisit('vx', { caseId: 'cx', visitDate: '2026-03-02', nextVisitDate: '2026-03-09' }),
  makeVisit('vr', { caseId: 'cr', visitDate: '2026-03-03', nextVisitDate: '2026-03-12' }),
];
const planActions = [
  makeAction('ax', { caseId: 'cx', dueDate: '2026-03-11' }),
  makeAction('ar', { caseId: 'cr', dueDate: '2026-03-07' }),
];
const screenings = [
  makeScreening('r1', { studentId: 'sr', screenedOn: '2025-11-20', level: 'low' }),
  makeScreening('r2', { studentId: 'sr', screenedOn: '2026-03-02', term: '2025-2026/2', level: 'high' }),
  makeScreening('n1', { studentId: 'sn', screenedOn: '2025-11-20', level: 'medium' }),
  makeScreening('n2', { studentId: 'sn', screenedOn: '2026-03-04', term: '2025-2026/2', level: 'veryHigh' }),
];

const ids = (items: FollowUpItem[]) => items.map((item) => `${item.kind}:${item.refId}@${item.due}`);

describe('computeFollowUpsByProfile', () => {
  it('gives exactly computeFollowUps when every case has the same profile', () => {
    const cases = [kosovoCase, { ...serbiaCase, schoolId: KOSOVO_SCHOOL }];
    const input = { today: TODAY, cases, visits, planActions, screenings };
    expect(computeFollowUpsByProfile({ ...input, profileOf, defaultProfile: RS })).toEqual(
      computeFollowUps({ ...input, profile: XK }),
    );
  });

  it("computes each case's deadlines under its own school's profile and merges the lists in due order", () => {
    const result = computeFollowUpsByProfile({
      today: TODAY,
      cases: [kosovoCase, serbiaCase],
      visits,
      planActions,
      screenings,
      profileOf,
      defaultProfile: XK,
    });
    expect(ids(result.overdue)).toEqual([
      'planAction:ar@2026-03-07',
      'deadline:cr:assessment@2026-03-08',
      'visit:vx@2026-03-09',
    ]);
    expect(ids(result.today)).toEqual([]);
    expect(ids(result.thisWeek)).toEqual([
      'planAction:ax@2026-03-11',
      'visit:vr@2026-03-12',
      'deadline:cx:assessment@2026-03-15',
    ]);
    // The plan deadline (30 days from opening) is the same in both profiles and outside the week.
    expect(ids(result.deadlinesSoon)).toEqual([]);
  });

  it('lists each risk rise once, linked to the case whatever its profile', () => {
    const result = computeFollowUpsByProfile({
      today: TODAY,
      cases: [kosovoCase, serbiaCase],
      visits: [],
      planActions: [],
      screenings,
      profileOf,
      defaultProfile: XK,
    });
    expect(result.riskRose.map((rise) => [rise.studentId, rise.from, rise.to, rise.caseId])).toEqual([
      ['sn', 'medium', 'veryHigh', null],
      ['sr', 'low', 'high', 'cr'],
    ]);
  });

  it('uses the default profile for a case whose school is not on the device', () => {
    const orphan = { ...serbiaCase, schoolId: 'school-not-here' };
    const result = computeFollowUpsByProfile({
      today: TODAY,
      cases: [kosovoCase, orphan],
      visits: [],
      planActions: [],
      screenings: [],
      profileOf,
      defaultProfile: RS_SHORT,
    });
    expect(ids(result.overdue)).toEqual(['deadline:cr:assessment@2026-03-08']);
    expect(ids(result.thisWeek)).toEqual(['deadline:cx:assessment@2026-03-15']);
  });

  it('leaves closed cases out and still finds risk rises on a device with no open case', () => {
    const closed = {
      ...serbiaCase,
      status: 'closed' as const,
      closedAt: '2026-03-05',
      closureReason: 'completed' as const,
    };
    const result = computeFollowUpsByProfile({
      today: TODAY,
      cases: [closed],
      visits,
      planActions,
      screenings,
      profileOf,
      defaultProfile: XK,
    });
    expect([...result.overdue, ...result.today, ...result.thisWeek, ...result.deadlinesSoon]).toEqual([]);
    expect(result.riskRose.map((rise) => [rise.studentId, rise.caseId])).toEqual([
      ['sn', null],
      ['sr', null],
    ]);
  });
});
