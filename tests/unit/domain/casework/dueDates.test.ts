import { describe, expect, it } from 'vitest';
import { caseDeadlines } from '../../../../src/domain/caseDeadlines.ts';
import {
  addCalendarDays,
  addDuration,
  addMonths,
  addSchoolDays,
  daysBetween,
  isIsoDate,
  isSchoolDay,
  schoolCalendar,
  weekday,
} from '../../../../src/domain/dueDates.ts';
import { getProfile } from '../../../../src/domain/profiles/profiles.ts';
import { makeCase, USER_ID } from './fixtures.ts';

const XK = getProfile('XK');
const RS = getProfile('RS');

describe('date arithmetic', () => {
  it('knows real dates and weekdays', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(weekday('2026-01-30')).toBe(5);
    expect(weekday('2026-02-01')).toBe(0);
    expect(isSchoolDay('2026-01-30')).toBe(true);
    expect(isSchoolDay('2026-01-31')).toBe(false);
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it.each([
    ['2026-01-30', 3, '2026-02-02'],
    ['2026-02-27', 2, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-30', 5, '2027-01-04'],
    ['2026-03-28', 2, '2026-03-30'], // across the change to summer time
    ['2026-10-24', 2, '2026-10-26'], // and back
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %i calendar days = %s', (from, days, due) => {
    expect(addCalendarDays(from, days)).toBe(due);
    expect(daysBetween(from, due)).toBe(days);
  });

  it.each([
    ['2026-01-30', 1, '2026-02-02'], // Friday → Monday, across the month end
    ['2026-01-30', 5, '2026-02-06'], // Friday → next Friday
    ['2026-01-31', 1, '2026-02-02'], // from a Saturday
    ['2026-02-01', 5, '2026-02-06'], // from a Sunday
    ['2026-02-26', 3, '2026-03-03'],
    ['2026-12-31', 2, '2027-01-04'],
    ['2026-01-30', 0, '2026-01-30'],
  ])('%s + %i school days = %s', (from, days, due) => {
    expect(addSchoolDays(from, days)).toBe(due);
  });

  it('skips injected school holidays, single days and ranges', () => {
    // Kosovo: Independence Day, 17 February (a Tuesday in 2026).
    const kosovo = schoolCalendar(['2026-02-17']);
    expect(addSchoolDays('2026-02-13', 5, kosovo)).toBe('2026-02-23');
    expect(addSchoolDays('2026-02-13', 5)).toBe('2026-02-20');
    // A winter break from Monday 26 January to Friday 13 February.
    const winter = schoolCalendar([{ from: '2026-01-26', to: '2026-02-13' }]);
    expect(winter.holidays.size).toBe(19);
    expect(isSchoolDay('2026-02-02', winter)).toBe(false);
    expect(addSchoolDays('2026-01-23', 5, winter)).toBe('2026-02-20');
    expect(addSchoolDays('2026-01-23', 1, winter)).toBe('2026-02-16');
  });

  it('refuses a negative count and a calendar with no school days', () => {
    expect(() => addSchoolDays('2026-01-05', -1)).toThrow(RangeError);
    const allYear = schoolCalendar([{ from: '2026-01-01', to: '2040-12-31' }]);
    expect(() => addSchoolDays('2026-01-05', 1, allYear)).toThrow(RangeError);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', 12, '2027-01-15'],
  ])('%s + %i months = %s (clamped to the month end)', (from, months, due) => {
    expect(addMonths(from, months)).toBe(due);
  });

  it('applies a duration in its unit', () => {
    expect(addDuration('2026-01-30', { amount: 5, unit: 'schoolDays' })).toBe('2026-02-06');
    expect(addDuration('2026-01-30', { amount: 5, unit: 'calendarDays' })).toBe('2026-02-04');
    expect(addDuration('2026-01-30', { amount: 1, unit: 'months' })).toBe('2026-02-28');
  });
});

describe('caseDeadlines', () => {
  it('flagged: open within 5 school days of the flag, a default, not law', () => {
    expect(caseDeadlines(XK, makeCase({ flaggedAt: '2026-01-30' }))).toEqual([
      { caseId: makeCase().id, kind: 'openCase', from: '2026-01-30', due: '2026-02-06', source: 'default' },
    ]);
  });

  it('uses the school calendar for school-day deadlines', () => {
    const winter = schoolCalendar([{ from: '2026-01-26', to: '2026-02-13' }]);
    expect(caseDeadlines(RS, makeCase({ flaggedAt: '2026-01-23' }), winter)[0]?.due).toBe('2026-02-20');
  });

  it('open: assessment in 14 days and plan in 30 days from the opening, across the month end', () => {
    const open = makeCase({ status: 'open', openedAt: '2026-01-20', caseManagerId: USER_ID });
    expect(caseDeadlines(XK, open).map((d) => [d.kind, d.due])).toEqual([
      ['assessment', '2026-02-03'],
      ['plan', '2026-02-19'],
    ]);
  });

  it('assessed: only the plan is still due', () => {
    const assessed = makeCase({ status: 'assessed', openedAt: '2026-01-20', assessedAt: '2026-01-29' });
    expect(caseDeadlines(RS, assessed).map((d) => [d.kind, d.due])).toEqual([['plan', '2026-02-19']]);
  });

  it('plan active: a monthly review from the activation, then from the last review', () => {
    const active = makeCase({ status: 'planActive', openedAt: '2026-01-02', planActivatedAt: '2026-01-31' });
    expect(caseDeadlines(XK, active).map((d) => [d.kind, d.from, d.due])).toEqual([
      ['review', '2026-01-31', '2026-02-28'],
    ]);
    const reviewed = { ...active, lastReviewedAt: '2026-02-28' };
    expect(caseDeadlines(XK, reviewed).map((d) => [d.kind, d.due])).toEqual([['review', '2026-03-28']]);
  });

  it('monitoring: the next review and, after about a term, whether to close', () => {
    const monitoring = makeCase({
      status: 'monitoring',
      planActivatedAt: '2026-10-01',
      lastReviewedAt: '2026-11-30',
      monitoringSince: '2026-11-30',
    });
    expect(caseDeadlines(XK, monitoring).map((d) => [d.kind, d.due])).toEqual([
      ['review', '2026-12-30'],
      ['closureReview', '2027-02-28'],
    ]);
  });

  it('closed: nothing is due', () => {
    expect(caseDeadlines(XK, makeCase({ status: 'closed', closedAt: '2026-03-01' }))).toEqual([]);
  });
});
