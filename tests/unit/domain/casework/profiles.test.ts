import { describe, expect, it } from 'vitest';
import { CLOSURE_REASONS } from '../../../../src/domain/caseRecord.ts';
import { INTERVENTION_CATEGORIES, interventionType } from '../../../../src/domain/interventions.ts';
import { fallbackProfileId, getProfile, PROFILES } from '../../../../src/domain/profiles/profiles.ts';
import { DEADLINE_KINDS } from '../../../../src/domain/protocolProfile.ts';
import { INDICATOR_CODES, INDICATOR_DOMAINS } from '../../../../src/domain/riskIndicators.ts';
import { SOURCE_REFERENCES } from '../../../../src/domain/sourceReferences.ts';

const XK = getProfile('XK');
const RS = getProfile('RS');
const codes = (profile: typeof XK) => profile.indicators.map((indicator) => indicator.code);

describe.each(Object.values(PROFILES))('profile $id', (profile) => {
  it('is found under its id', () => {
    expect(getProfile(profile.id)).toBe(profile);
  });

  it('has each indicator once, and covers every domain including gender and distance', () => {
    expect(new Set(codes(profile)).size).toBe(profile.indicators.length);
    expect(new Set(profile.indicators.map((indicator) => indicator.domain))).toEqual(new Set(INDICATOR_DOMAINS));
  });

  it('has count thresholds 1 ≤ mild < high and whole weights from 1 to 5', () => {
    for (const indicator of profile.indicators) {
      expect(Number.isInteger(indicator.weight) && indicator.weight >= 1 && indicator.weight <= 5, indicator.code).toBe(
        true,
      );
      if (indicator.kind !== 'count') continue;
      expect(indicator.thresholds.mild, indicator.code).toBeGreaterThanOrEqual(1);
      expect(indicator.thresholds.high, indicator.code).toBeGreaterThan(indicator.thresholds.mild);
    }
  });

  it('never presents a threshold, weight, level cut-off or deadline as law: they are defaults', () => {
    for (const indicator of profile.indicators) {
      expect(indicator.thresholdSource, indicator.code).toBe('default');
      expect(indicator.weightSource, indicator.code).toBe('default');
    }
    expect(profile.levelThresholdSource).toBe('default');
    for (const kind of DEADLINE_KINDS) expect(profile.deadlines[kind].source, kind).toBe('default');
    expect(profile.toConfirm).toEqual(expect.arrayContaining(['confirmThresholds', 'confirmDeadlines']));
  });

  it('marks the gender-based barriers as proposals, citing the figures behind them', () => {
    for (const code of ['earlyMarriage', 'careDuties', 'familyDevaluesSchooling'] as const) {
      const indicator = profile.indicators.find((candidate) => candidate.code === code);
      expect(indicator).toMatchObject({ domain: 'gender', source: 'default' });
      expect(indicator?.refs).toContain('bos2025');
    }
    expect(codes(profile)).toContain('hardJourney');
  });

  it('has rising level cut-offs', () => {
    const { medium, high, veryHigh } = profile.levelThresholds;
    expect(medium).toBeGreaterThanOrEqual(1);
    expect(high).toBeGreaterThan(medium);
    expect(veryHigh).toBeGreaterThan(high);
  });

  it('uses the proposed deadlines of domain.md §1', () => {
    expect(profile.deadlines.openCase.duration).toEqual({ amount: 5, unit: 'schoolDays' });
    expect(profile.deadlines.assessment.duration).toEqual({ amount: 14, unit: 'calendarDays' });
    expect(profile.deadlines.plan.duration).toEqual({ amount: 30, unit: 'calendarDays' });
    expect(profile.deadlines.review.duration).toEqual({ amount: 1, unit: 'months' });
    expect(profile.deadlines.closureReview.duration).toEqual({ amount: 3, unit: 'months' });
  });

  it('offers interventions from the catalogue in every category but legal measures', () => {
    const categories = new Set(profile.interventions.map((code) => interventionType(code)?.category));
    for (const category of INTERVENTION_CATEGORIES.filter((c) => c !== 'legal')) expect(categories).toContain(category);
    expect(profile.closureReasons).toEqual(CLOSURE_REASONS);
  });

  it('cites only known sources', () => {
    const refs = [...profile.indicators.flatMap((indicator) => indicator.refs), ...profile.toConfirm];
    for (const ref of refs) expect(Object.keys(SOURCE_REFERENCES)).toContain(ref);
  });
});

describe('Kosovo', () => {
  it('does not hard-code Tool 1’s truncated "more than 18 classes" and asks for the full tool', () => {
    const absence = XK.indicators.find((indicator) => indicator.code === 'unjustifiedAbsences');
    expect(absence).toMatchObject({ kind: 'count', thresholds: { mild: 10, high: 20 }, thresholdSource: 'default' });
    for (const indicator of XK.indicators) {
      if (indicator.kind === 'count') expect([indicator.thresholds.mild, indicator.thresholds.high]).not.toContain(18);
      if (indicator.kind === 'count') expect([indicator.thresholds.mild, indicator.thresholds.high]).not.toContain(19);
    }
    expect(XK.toConfirm).toEqual(expect.arrayContaining(['confirmTool1Absence', 'confirmKosovoAct']));
  });

  it('uses ECMI’s three indicators and KOSINT’s missing grades as sourced indicators', () => {
    const sourced = XK.indicators
      .filter((indicator) => indicator.source === 'programme')
      .map((indicator) => indicator.code);
    expect(sourced).toEqual(
      expect.arrayContaining(['unjustifiedAbsences', 'failingSubjects', 'lowInterest', 'missingGrades']),
    );
    expect(XK.interventions).toContain('learningCentre');
    expect(XK.interventions).not.toContain('misdemeanourRequest');
    expect(XK).toMatchObject({ team: 'prtan', plan: 'casePlan', legalTimeLimits: [] });
  });
});

describe('Serbia', () => {
  it('follows the UNICEF/CEP criteria list', () => {
    const criteria = [
      'unjustifiedAbsences',
      'seasonalAttendance',
      'failingSubjects',
      'repeatedOrLateEnrolment',
      'schoolTransfers',
      'behaviourIncidents',
      'lowFamilySupport',
      'lowParentEngagement',
      'weakSocialEngagement',
      'weakAcademicEngagement',
      'droppedOutBefore',
      'notFluentInLanguage',
      'mobileFamily',
      'suddenFamilyChange',
      'economicHardship',
      'cannotAffordCosts',
      'substanceMisuse',
      'siblingsLeftEarly',
      'bullyingOrViolence',
      'discrimination',
      'returnFromCare',
    ];
    for (const code of criteria) {
      const indicator = RS.indicators.find((candidate) => candidate.code === code);
      expect(indicator, code).toMatchObject({ source: 'programme' });
      expect(indicator?.refs, code).toContain('unicefCepCriteria');
    }
  });

  it('keeps Art. 84’s time limits as law, and the misdemeanour request as a legal measure', () => {
    expect(RS.legalTimeLimits).toEqual([
      { code: 'parentNoticeOfAbsence', duration: { amount: 48, unit: 'hours' }, source: 'law', refs: ['zosovArt84'] },
      {
        code: 'parentJustificationOfAbsence',
        duration: { amount: 8, unit: 'calendarDays' },
        source: 'law',
        refs: ['zosovArt84'],
      },
    ]);
    expect(RS.interventions).toContain('misdemeanourRequest');
    expect(RS.interventions).not.toContain('learningCentre');
    expect(RS).toMatchObject({ team: 'dpmTeam', plan: 'ipdp' });
  });
});

it('uses every indicator code in at least one profile', () => {
  const used = new Set([...codes(XK), ...codes(RS)]);
  expect([...INDICATOR_CODES].filter((code) => !used.has(code))).toEqual([]);
});

describe('fallbackProfileId', () => {
  it("takes the country most of the device's schools are in, Kosovo when there are none or a tie", () => {
    expect(fallbackProfileId([])).toBe('XK');
    expect(fallbackProfileId([{ country: 'RS' }, { country: 'RS' }, { country: 'XK' }])).toBe('RS');
    expect(fallbackProfileId([{ country: 'RS' }, { country: 'XK' }])).toBe('XK');
  });
});
