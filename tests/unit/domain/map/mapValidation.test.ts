import { describe, expect, it } from 'vitest';
import { quarterOf, quartersBetween } from '../../../../src/domain/map/mapRecords.ts';
import type { MapActivityFields, MapPlanFields } from '../../../../src/domain/map/mapRecords.ts';
import {
  validateMapActivity,
  validateMapGoal,
  validateMapPlan,
  validateMapProgress,
} from '../../../../src/domain/map/mapValidation.ts';

const MUNICIPALITY = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f6001';
const PLAN = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f6002';
const GOAL = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f6003';

function plan(overrides: Partial<MapPlanFields> = {}): MapPlanFields {
  return {
    municipalityId: MUNICIPALITY,
    title: 'Plani i veprimit 2026–2028',
    periodStart: '2026-01-01',
    periodEnd: '2028-12-31',
    status: 'draft',
    actReference: '',
    adoptedOn: null,
    ...overrides,
  };
}

function activity(overrides: Partial<MapActivityFields> = {}): MapActivityFields {
  return {
    planId: PLAN,
    goalId: GOAL,
    title: 'Vizita në shtëpi',
    responsible: 'OSHC partnere',
    startDate: '2026-03-01',
    endDate: '2028-12-31',
    budget: 8000,
    indicator: 'Familje të vizituara',
    indicatorSource: 'manual',
    unit: 'count',
    baseline: 0,
    target: 60,
    removed: false,
    ...overrides,
  };
}

describe('validateMapPlan', () => {
  it('accepts a draft and trims its title', () => {
    const result = validateMapPlan(plan({ title: '  Plani  ' }));
    expect(result).toEqual({ ok: true, value: plan({ title: 'Plani' }) });
  });

  it('names the field of each mistake', () => {
    expect(validateMapPlan(plan({ title: ' ', periodStart: '2026-02-30' }))).toEqual({
      ok: false,
      errors: { title: 'required', periodStart: 'invalidDate' },
    });
    expect(validateMapPlan(plan({ periodEnd: '2025-12-31' }))).toEqual({
      ok: false,
      errors: { periodEnd: 'endBeforeStart' },
    });
    expect(validateMapPlan({ ...plan(), status: 'repealed' })).toEqual({
      ok: false,
      errors: { status: 'invalidChoice' },
    });
  });

  it('adopts a plan only with the act reference and date, and keeps a draft free of a date', () => {
    expect(validateMapPlan(plan({ status: 'adopted' }))).toEqual({
      ok: false,
      errors: { actReference: 'adoptionRequired', adoptedOn: 'adoptionRequired' },
    });
    const adopted = plan({ status: 'adopted', actReference: '01-016/26-1234', adoptedOn: '2026-03-15' });
    expect(validateMapPlan(adopted).ok).toBe(true);
    expect(validateMapPlan(plan({ adoptedOn: '2026-03-15' }))).toEqual({
      ok: false,
      errors: { adoptedOn: 'notExpected' },
    });
  });

  it('refuses fields it does not know', () => {
    expect(validateMapPlan({ ...plan(), mayor: 'x' })).toEqual({ ok: false, errors: { form: 'invalid' } });
  });
});

describe('validateMapActivity', () => {
  it('accepts an activity with no dates, budget or baseline yet', () => {
    const open = activity({ startDate: null, endDate: null, budget: null, baseline: null, target: null });
    expect(validateMapActivity(open).ok).toBe(true);
  });

  it('keeps dates in order, amounts not negative and percentages at most 100', () => {
    expect(validateMapActivity(activity({ endDate: '2026-01-01' }))).toEqual({
      ok: false,
      errors: { endDate: 'endBeforeStart' },
    });
    expect(validateMapActivity(activity({ budget: -1 }))).toEqual({ ok: false, errors: { budget: 'invalidNumber' } });
    expect(validateMapActivity(activity({ unit: 'percent', target: 120 }))).toEqual({
      ok: false,
      errors: { target: 'invalidNumber' },
    });
  });

  it('measures an automatic indicator in its own unit', () => {
    expect(validateMapActivity(activity({ indicatorSource: 'planWithinDeadline', unit: 'count' }))).toEqual({
      ok: false,
      errors: { unit: 'invalidChoice' },
    });
    const share = activity({ indicatorSource: 'planWithinDeadline', unit: 'percent', baseline: 40, target: 90 });
    expect(validateMapActivity(share).ok).toBe(true);
  });
});

describe('goals and progress', () => {
  it('checks a goal', () => {
    expect(validateMapGoal({ planId: PLAN, title: 'Qëllimi 1', position: 1, removed: false }).ok).toBe(true);
    expect(validateMapGoal({ planId: 'x', title: '', position: 0, removed: false })).toEqual({
      ok: false,
      errors: { planId: 'required', title: 'required', position: 'invalidNumber' },
    });
  });

  it('checks a progress entry and its quarter', () => {
    const entry = {
      planId: PLAN,
      activityId: GOAL,
      period: '2026-Q3',
      value: 27,
      narrative: 'Vizitat vazhduan.',
      recordedBy: 'Koordinatori',
      recordedAt: '2026-10-02T09:00:00.000Z',
    };
    expect(validateMapProgress(entry).ok).toBe(true);
    expect(validateMapProgress({ ...entry, period: '2026-Q5', value: Number.NaN })).toEqual({
      ok: false,
      errors: { period: 'invalidChoice', value: 'invalidNumber' },
    });
  });
});

describe('quarters', () => {
  it('finds the quarter of a day', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-06-30')).toBe('2026-Q2');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
  });

  it('lists the quarters of a period across years', () => {
    expect(quartersBetween('2026-11-15', '2027-04-01')).toEqual(['2026-Q4', '2027-Q1', '2027-Q2']);
    expect(quartersBetween('2026-02-01', '2026-03-31')).toEqual(['2026-Q1']);
    expect(quartersBetween('2026-01-01', '2028-12-31')).toHaveLength(12);
  });
});
