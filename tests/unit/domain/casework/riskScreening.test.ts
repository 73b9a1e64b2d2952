import { describe, expect, it } from 'vitest';
import { getProfile, PROFILES } from '../../../../src/domain/profiles/profiles.ts';
import type { IndicatorDefinition } from '../../../../src/domain/protocolProfile.ts';
import {
  compareScreenings,
  scoreScreening,
  screeningHistory,
  signalFor,
} from '../../../../src/domain/riskScreening.ts';
import { makeScreening } from './fixtures.ts';

const XK = getProfile('XK');
const RS = getProfile('RS');

/** Values at, just below and just above each threshold, with the signal each must give. */
function thresholdCases(indicator: IndicatorDefinition): [number | boolean, 0 | 1 | 2][] {
  if (indicator.kind === 'flag')
    return [
      [false, 0],
      [true, indicator.signal],
    ];
  const { mild, high } = indicator.thresholds;
  const cases: [number, 0 | 1 | 2][] = [
    [0, 0],
    [mild - 1, 0],
    [mild, 1],
    [high - 1, 1],
    [high, 2],
    [high + 1, 2],
    [high * 10, 2],
  ];
  if (mild + 1 < high) cases.push([mild + 1, 1]);
  return cases;
}

describe.each(Object.values(PROFILES))('every indicator of profile $id at and around its thresholds', (profile) => {
  describe.each(profile.indicators.map((indicator) => [indicator.code, indicator] as const))(
    '%s',
    (_code, indicator) => {
      it.each(thresholdCases(indicator))('value %s gives signal %i', (value, signal) => {
        expect(signalFor(indicator, value)).toBe(signal);
        const result = scoreScreening(profile, { [indicator.code]: value });
        expect(result.score).toBe(signal * indicator.weight);
        expect(result.missing).not.toContain(indicator.code);
        if (signal === 0) {
          expect(result.reasons).toEqual([]);
          return;
        }
        const threshold =
          indicator.kind === 'flag' ? 1 : signal === 2 ? indicator.thresholds.high : indicator.thresholds.mild;
        expect(result.reasons).toEqual([
          {
            indicator: indicator.code,
            domain: indicator.domain,
            kind: indicator.kind,
            value: indicator.kind === 'flag' ? 1 : value,
            threshold,
            signal,
            points: signal * indicator.weight,
          },
        ]);
      });

      it('treats an empty value, or one of the wrong kind, as missing rather than as zero risk', () => {
        const wrongKind = indicator.kind === 'flag' ? 3 : true;
        for (const value of [undefined, wrongKind]) {
          const result = scoreScreening(profile, { [indicator.code]: value });
          expect(result.missing).toContain(indicator.code);
          expect(result.score).toBe(0);
        }
      });
    },
  );
});

describe('scoreScreening, hand-computed examples', () => {
  it('Kosovo: 14 unjustified absences are above the mild 10, weight 2 → medium', () => {
    const result = scoreScreening(XK, { unjustifiedAbsences: 14 });
    expect(result).toMatchObject({ level: 'medium', score: 2, profileId: 'XK', profileVersion: 1 });
    expect(result.reasons).toEqual([
      {
        indicator: 'unjustifiedAbsences',
        domain: 'attendance',
        kind: 'count',
        value: 14,
        threshold: 10,
        signal: 1,
        points: 2,
      },
    ]);
    expect(result.missing).toHaveLength(XK.indicators.length - 1);
  });

  it('Kosovo: 9 absences are below every threshold → low, no reasons', () => {
    expect(scoreScreening(XK, { unjustifiedAbsences: 9, failingSubjects: 0 })).toMatchObject({
      level: 'low',
      score: 0,
      reasons: [],
    });
  });

  it('Kosovo: 20 absences (high, 4 points) and one failing subject (1 point) → high, strongest reason first', () => {
    const result = scoreScreening(XK, { failingSubjects: 1, unjustifiedAbsences: 20, lowInterest: false });
    expect(result.level).toBe('high');
    expect(result.score).toBe(5);
    expect(result.reasons.map((reason) => [reason.indicator, reason.threshold, reason.points])).toEqual([
      ['unjustifiedAbsences', 20, 4],
      ['failingSubjects', 1, 1],
    ]);
  });

  it('an early marriage alone reaches high (3 × 2 = 6) in both profiles; with high absence, very high', () => {
    expect(scoreScreening(XK, { earlyMarriage: true })).toMatchObject({ level: 'high', score: 6 });
    expect(scoreScreening(RS, { earlyMarriage: true })).toMatchObject({ level: 'high', score: 6 });
    expect(scoreScreening(XK, { earlyMarriage: true, unjustifiedAbsences: 25 })).toMatchObject({
      level: 'veryHigh',
      score: 10,
    });
  });

  it('Serbia: 9 unjustified lessons is the mild threshold, 26 the high one', () => {
    expect(scoreScreening(RS, { unjustifiedAbsences: 8 }).score).toBe(0);
    expect(scoreScreening(RS, { unjustifiedAbsences: 9 }).reasons[0]).toMatchObject({ threshold: 9, signal: 1 });
    expect(scoreScreening(RS, { unjustifiedAbsences: 25 }).reasons[0]).toMatchObject({ threshold: 9, signal: 1 });
    expect(scoreScreening(RS, { unjustifiedAbsences: 26 })).toMatchObject({ level: 'medium', score: 4 });
  });

  it('Serbia: care duties (2) + economic hardship (1) + 3 transfers (2) + seasonal attendance (1) → high (6)', () => {
    const result = scoreScreening(RS, {
      careDuties: true,
      economicHardship: true,
      schoolTransfers: 3,
      seasonalAttendance: true,
      bullyingOrViolence: false,
    });
    expect(result).toMatchObject({ level: 'high', score: 6 });
    expect(result.reasons.map((reason) => reason.indicator)).toEqual([
      'schoolTransfers',
      'careDuties',
      'seasonalAttendance',
      'economicHardship',
    ]);
  });

  it('Serbia: one 2-signal vulnerability (substance misuse) → medium; a Kosovo-only code is ignored', () => {
    expect(scoreScreening(RS, { substanceMisuse: true, lowInterest: true })).toMatchObject({
      level: 'medium',
      score: 2,
    });
  });

  it('reaches very high at 8 points exactly', () => {
    // 26 lessons (signal 2 × weight 2 = 4) + dropped out before (2 × 2 = 4) = 8; with 3 failing subjects (2) instead, 6.
    expect(scoreScreening(RS, { unjustifiedAbsences: 26, droppedOutBefore: true }).level).toBe('veryHigh');
    expect(scoreScreening(RS, { unjustifiedAbsences: 26, failingSubjects: 3 })).toMatchObject({
      level: 'high',
      score: 6,
    });
  });
});

describe('compareScreenings and screeningHistory', () => {
  it('compares by level only', () => {
    expect(compareScreenings({ level: 'low' }, { level: 'medium' })).toBe('rose');
    expect(compareScreenings({ level: 'veryHigh' }, { level: 'high' })).toBe('fell');
    expect(compareScreenings({ level: 'high' }, { level: 'high' })).toBe('same');
  });

  it('orders a student’s screenings oldest first and marks each change of level', () => {
    const history = screeningHistory([
      makeScreening('c', { term: '2026-2027/1', screenedOn: '2026-11-10', level: 'medium' }),
      makeScreening('a', { term: '2025-2026/1', screenedOn: '2025-11-20', level: 'low' }),
      makeScreening('b', { term: '2025-2026/2', screenedOn: '2026-04-15', level: 'high' }),
      makeScreening('d', { term: '2026-2027/2', screenedOn: '2027-04-01', level: 'medium' }),
    ]);
    expect(history.map((entry) => [entry.screening.id, entry.change])).toEqual([
      ['a', 'first'],
      ['b', 'rose'],
      ['c', 'fell'],
      ['d', 'same'],
    ]);
  });
});
