import { describe, expect, it } from 'vitest';
import { applyProfileOverrides } from '../../../../src/domain/profileOverrides.ts';
import { getProfile } from '../../../../src/domain/profiles/profiles.ts';
import { scoreScreening } from '../../../../src/domain/riskScreening.ts';

const XK = getProfile('XK');

describe('applyProfileOverrides', () => {
  it('applies confirmed values and marks them as set by the administrator', () => {
    const result = applyProfileOverrides(XK, {
      version: 2,
      indicators: { unjustifiedAbsences: { mild: 19, high: 40, weight: 3 }, hardJourney: { enabled: false } },
      levelThresholds: { high: 6 },
      deadlines: { openCase: { amount: 3, unit: 'schoolDays' } },
      interventions: ['homeVisit', 'mentoring'],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { profile } = result;
    expect(profile.version).toBe(2);
    expect(profile.indicators.find((indicator) => indicator.code === 'unjustifiedAbsences')).toMatchObject({
      thresholds: { mild: 19, high: 40 },
      thresholdSource: 'admin',
      weight: 3,
      weightSource: 'admin',
    });
    expect(profile.indicators.map((indicator) => indicator.code)).not.toContain('hardJourney');
    expect(profile.levelThresholds).toEqual({ medium: 2, high: 6, veryHigh: 8 });
    expect(profile.levelThresholdSource).toBe('admin');
    expect(profile.deadlines.openCase).toEqual({
      duration: { amount: 3, unit: 'schoolDays' },
      source: 'admin',
      refs: [],
    });
    expect(profile.deadlines.plan.source).toBe('default');
    expect(profile.interventions).toEqual(['homeVisit', 'mentoring']);
    // The base profile is untouched, and scoring follows the new values.
    expect(XK.indicators[0]).toMatchObject({ thresholds: { mild: 10, high: 20 } });
    expect(scoreScreening(profile, { unjustifiedAbsences: 18 }).score).toBe(0);
    expect(scoreScreening(profile, { unjustifiedAbsences: 19 }).score).toBe(3);
  });

  it('lists every unacceptable change', () => {
    const result = applyProfileOverrides(XK, {
      version: 0,
      indicators: {
        unjustifiedAbsences: { mild: 20, high: 20 },
        failingSubjects: { mild: 1.5 },
        earlyWork: { weight: 9 },
        schoolTransfers: { mild: 1 },
      },
      levelThresholds: { medium: 5, high: 5 },
      deadlines: { review: { amount: -1, unit: 'months' } },
      interventions: [],
      closureReasons: ['bored' as never],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'version', code: 'invalidVersion' },
        { path: 'indicators.schoolTransfers', code: 'unknownIndicator' },
        { path: 'indicators.unjustifiedAbsences', code: 'thresholdsOutOfOrder' },
        { path: 'indicators.failingSubjects', code: 'notWholeNumber' },
        { path: 'indicators.earlyWork', code: 'weightOutOfRange' },
        { path: 'levelThresholds', code: 'levelsOutOfOrder' },
        { path: 'deadlines.review', code: 'durationOutOfRange' },
        { path: 'interventions', code: 'emptyList' },
        { path: 'closureReasons', code: 'notInCatalogue' },
      ],
    });
  });

  it('changes a flag’s signal', () => {
    const result = applyProfileOverrides(XK, { version: 3, indicators: { earlyWork: { signal: 2 } } });
    expect(result.ok && scoreScreening(result.profile, { earlyWork: true }).score).toBe(2);
  });
});
