import { describe, expect, it } from 'vitest';
import { caseTimeline } from '../../../src/domain/caseTimeline.ts';
import { ageOn, summaryContent } from '../../../src/features/exports/summaryContent.ts';
import {
  makeCaseRecord,
  makePlanAction,
  makeReferral,
  makeScreening,
  makeVisit,
  RISKY_VALUES,
} from '../../support/caseworkFixtures.ts';

describe('ageOn', () => {
  it('counts whole years, a birthday counting from its own day', () => {
    expect(ageOn('2014-03-09', '2026-03-08')).toBe(11);
    expect(ageOn('2014-03-09', '2026-03-09')).toBe(12);
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(13);
    expect(ageOn('2012-02-29', '2026-03-01')).toBe(14);
  });

  it('gives nothing for a date that does not parse or lies ahead', () => {
    expect(ageOn('09.03.2014', '2026-03-09')).toBeUndefined();
    expect(ageOn('2027-01-01', '2026-03-09')).toBeUndefined();
  });
});

describe('summaryContent', () => {
  it('takes the latest screening, the plan and referrals oldest first, and only current visit notes', () => {
    const record = makeCaseRecord('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b01', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b02');
    const older = { ...makeScreening(record.studentId, RISKY_VALUES), screenedOn: '2026-09-01' };
    const latest = { ...makeScreening(record.studentId, {}), screenedOn: '2026-11-02' };
    const first = makePlanAction(record.id, { dueDate: '2026-11-10' });
    const second = makePlanAction(record.id, { dueDate: '2026-11-20' });
    const referral = makeReferral(record.id);
    const original = makeVisit(record.id, { visitDate: '2026-11-05' });
    const correction = makeVisit(record.id, { visitDate: '2026-11-05', correctionOf: original.id });
    const later = makeVisit(record.id, { visitDate: '2026-11-12' });
    const timeline = caseTimeline({
      caseRecord: record,
      events: [],
      screenings: [latest, older],
      planActions: [second, first],
      visits: [later, correction, original],
      referrals: [referral],
    });
    const content = summaryContent(timeline);
    expect(content.latestScreening?.id).toBe(latest.id);
    expect(content.planActions.map((action) => action.id)).toEqual([first.id, second.id]);
    expect(content.referrals.map((item) => item.id)).toEqual([referral.id]);
    expect(content.visits.map((entry) => entry.visit.id)).toEqual([correction.id, later.id]);
  });
});
