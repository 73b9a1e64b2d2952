import { describe, expect, it } from 'vitest';
import { getProfile } from '../../../../src/domain/profiles/profiles.ts';
import {
  parseScreeningDraft,
  validateScreening,
  validateScreeningValues,
} from '../../../../src/domain/screeningValidation.ts';
import { STUDENT_ID, USER_ID } from './fixtures.ts';

const XK = getProfile('XK');
const RS = getProfile('RS');

describe('parseScreeningDraft', () => {
  it('turns typed counts into numbers, keeps flags, and leaves empty entries out', () => {
    expect(
      parseScreeningDraft(XK, {
        unjustifiedAbsences: ' 14 ',
        failingSubjects: '',
        earlyWork: true,
        hardJourney: false,
      }),
    ).toEqual({ ok: true, value: { unjustifiedAbsences: 14, earlyWork: true, hardJourney: false } });
  });

  it.each([
    ['fourteen', 'notANumber'],
    ['14a', 'notANumber'],
    ['14.5', 'notWholeNumber'],
    ['14,5', 'notWholeNumber'],
    ['-1', 'negative'],
    ['1501', 'tooLarge'],
  ])('refuses the count %j with %s', (typed, code) => {
    expect(parseScreeningDraft(XK, { unjustifiedAbsences: typed })).toEqual({
      ok: false,
      errors: { unjustifiedAbsences: code },
    });
  });

  it('accepts the ceiling itself and "14,0"', () => {
    expect(parseScreeningDraft(XK, { unjustifiedAbsences: '1500', failingSubjects: '2,0' })).toEqual({
      ok: true,
      value: { unjustifiedAbsences: 1500, failingSubjects: 2 },
    });
  });

  it('uses a ceiling fitting the unit: 26 failing subjects is a typo', () => {
    expect(parseScreeningDraft(XK, { failingSubjects: '26' })).toEqual({
      ok: false,
      errors: { failingSubjects: 'tooLarge' },
    });
  });

  it('names unknown codes, codes of the other profile, and flags that are not yes/no', () => {
    expect(parseScreeningDraft(XK, { schoolTransfers: '2', madeUp: '1', earlyWork: 'yes' })).toEqual({
      ok: false,
      errors: { schoolTransfers: 'unknownIndicator', madeUp: 'unknownIndicator', earlyWork: 'expectedYesNo' },
    });
    expect(parseScreeningDraft(RS, { schoolTransfers: '2' }).ok).toBe(true);
  });
});

describe('validateScreeningValues (what a device sends)', () => {
  it('accepts numbers and booleans, refuses numbers as text only when they are not numbers', () => {
    expect(validateScreeningValues(RS, { unjustifiedAbsences: 30, mobileFamily: true })).toEqual({
      ok: true,
      value: { unjustifiedAbsences: 30, mobileFamily: true },
    });
    expect(validateScreeningValues(RS, { unjustifiedAbsences: 2.5, mobileFamily: 1 })).toEqual({
      ok: false,
      errors: { unjustifiedAbsences: 'notWholeNumber', mobileFamily: 'expectedYesNo' },
    });
    expect(validateScreeningValues(RS, { unjustifiedAbsences: Number.NaN })).toMatchObject({ ok: false });
    expect(validateScreeningValues(RS, { unjustifiedAbsences: Number.POSITIVE_INFINITY })).toMatchObject({ ok: false });
  });

  it('refuses something that is not an object', () => {
    expect(validateScreeningValues(RS, [1, 2])).toEqual({ ok: false, errors: { values: 'required' } });
    expect(validateScreeningValues(RS, 'x')).toEqual({ ok: false, errors: { values: 'required' } });
  });
});

describe('validateScreening', () => {
  const valid = {
    id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4e01',
    studentId: STUDENT_ID,
    term: '2025-2026/1',
    screenedOn: '2025-11-20',
    screenedBy: USER_ID,
    protectiveFactors: ['peerSupport', 'peerSupport'],
    values: { unjustifiedAbsences: 14 },
    level: 'low',
  };

  it('recomputes level and score, never trusting the level sent', () => {
    const result = validateScreening(XK, valid, '2025-12-01');
    expect(result).toEqual({
      ok: true,
      value: {
        id: valid.id,
        studentId: STUDENT_ID,
        term: '2025-2026/1',
        screenedOn: '2025-11-20',
        screenedBy: USER_ID,
        profileId: 'XK',
        profileVersion: 1,
        values: { unjustifiedAbsences: 14 },
        protectiveFactors: ['peerSupport'],
        level: 'medium',
        score: 2,
      },
    });
  });

  it('names every wrong field', () => {
    const result = validateScreening(
      XK,
      {
        ...valid,
        term: '2025-2027/1',
        screenedOn: '2025-02-30',
        protectiveFactors: ['luck'],
        values: { earlyWork: 2 },
      },
      '2025-12-01',
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        term: 'invalidTerm',
        screenedOn: 'invalidDate',
        protectiveFactors: 'unknownProtectiveFactor',
        'values.earlyWork': 'expectedYesNo',
      },
    });
  });

  it('refuses a screening dated in the future', () => {
    expect(validateScreening(XK, valid, '2025-11-19')).toEqual({ ok: false, errors: { screenedOn: 'dateInFuture' } });
  });
});
