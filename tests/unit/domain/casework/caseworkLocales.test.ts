import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, CASE_TRIGGERS, CLOSURE_REASONS } from '../../../../src/domain/caseRecord.ts';
import { WORKFLOW_ACTIONS, WORKFLOW_ERRORS } from '../../../../src/domain/caseWorkflow.ts';
import {
  CONSENT_STATUSES,
  PRESENT_PARTIES,
  STATED_REASONS,
  VISIT_ERRORS,
  VISIT_OUTCOMES,
} from '../../../../src/domain/homeVisit.ts';
import { INTERVENTION_CATEGORIES, INTERVENTION_CODES } from '../../../../src/domain/interventions.ts';
import {
  ORGANISATION_TYPES,
  PLAN_ACTION_ERRORS,
  PLAN_ACTION_OUTCOMES,
  PLAN_ACTION_STATUSES,
} from '../../../../src/domain/planAction.ts';
import { OVERRIDE_ERRORS } from '../../../../src/domain/profileOverrides.ts';
import { PROFILES } from '../../../../src/domain/profiles/profiles.ts';
import { DEADLINE_KINDS, PROFILE_IDS, RISK_LEVELS, SOURCES } from '../../../../src/domain/protocolProfile.ts';
import {
  REFERRAL_ERRORS,
  REFERRAL_REASONS,
  REFERRAL_SENDERS,
  REFERRAL_STATUSES,
  REFERRAL_TARGETS,
} from '../../../../src/domain/referral.ts';
import { INDICATOR_CODES, INDICATOR_DOMAINS, PROTECTIVE_FACTORS } from '../../../../src/domain/riskIndicators.ts';
import { scoreScreening, SCREENING_ERRORS } from '../../../../src/domain/riskScreening.ts';
import { makeVisitFields } from './fixtures.ts';

const LANGUAGES = ['en', 'sq', 'sr-Cyrl', 'sr-Latn'] as const;
type Bundle = Record<string, Record<string, string>>;
const bundles = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    JSON.parse(readFileSync(join(process.cwd(), 'locales', language, 'casework.json'), 'utf8')) as Bundle,
  ]),
) as Record<(typeof LANGUAGES)[number], Bundle>;

const allProfiles = Object.values(PROFILES);
const countCodes = new Set(
  allProfiles.flatMap((p) => p.indicators.filter((i) => i.kind === 'count').map((i) => i.code)),
);
const legalCodes = [...new Set(allProfiles.flatMap((p) => p.legalTimeLimits.map((limit) => limit.code)))];
const visitFields = Object.keys(makeVisitFields()).filter((field) => field !== 'caseId' && field !== 'correctionOf');

/** Every code list in the domain, and the locale group that labels it. */
const CATALOGUES: [group: string, codes: readonly string[]][] = [
  ['profile', PROFILE_IDS],
  ['source', SOURCES],
  ['domain', INDICATOR_DOMAINS],
  ['indicator', INDICATOR_CODES],
  ['level', RISK_LEVELS],
  ['protectiveFactor', PROTECTIVE_FACTORS],
  ['screeningError', SCREENING_ERRORS],
  ['status', CASE_STATUSES],
  ['trigger', CASE_TRIGGERS],
  ['action', WORKFLOW_ACTIONS],
  ['transitionError', WORKFLOW_ERRORS],
  ['closureReason', CLOSURE_REASONS],
  ['deadline', DEADLINE_KINDS],
  ['interventionCategory', INTERVENTION_CATEGORIES],
  ['intervention', INTERVENTION_CODES],
  ['planActionStatus', PLAN_ACTION_STATUSES],
  ['planActionOutcome', PLAN_ACTION_OUTCOMES],
  ['planActionError', PLAN_ACTION_ERRORS],
  ['organisationType', ORGANISATION_TYPES],
  ['visitOutcome', VISIT_OUTCOMES],
  ['present', PRESENT_PARTIES],
  ['statedReason', STATED_REASONS],
  ['consent', CONSENT_STATUSES],
  ['visitField', visitFields],
  ['visitError', VISIT_ERRORS],
  ['referralSender', REFERRAL_SENDERS],
  ['referralTarget', REFERRAL_TARGETS],
  ['referralStatus', REFERRAL_STATUSES],
  ['referralReason', REFERRAL_REASONS],
  ['referralError', REFERRAL_ERRORS],
  ['overrideError', OVERRIDE_ERRORS],
];

describe.each(LANGUAGES)('casework.json in %s', (language) => {
  const bundle = bundles[language];

  it.each(CATALOGUES)('labels every %s code, and nothing else', (group, codes) => {
    expect(Object.keys(bundle[group] ?? {}).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(bundle[group]?.[code]?.trim(), `${group}.${code}`).toBeTruthy();
  });

  it('has a reason for every indicator: plural forms for counts, a plain sentence for flags', () => {
    const reasons = bundle.reason ?? {};
    for (const code of INDICATOR_CODES) {
      if (countCodes.has(code)) {
        expect(reasons[`${code}_one`], code).toContain('{{threshold}}');
        expect(reasons[`${code}_other`], code).toContain('{{count}}');
      } else {
        expect(reasons[code], code).toBeTruthy();
      }
    }
  });

  it('labels the team, plan and legal time limit of every profile', () => {
    for (const profile of allProfiles) {
      expect(bundle.team?.[profile.team]).toBeTruthy();
      expect(bundle.plan?.[profile.plan]).toBeTruthy();
    }
    for (const code of legalCodes) expect(bundle.legalTimeLimit?.[`${code}_other`], code).toBeTruthy();
  });
});

describe('reasons in words', () => {
  async function translator(language: (typeof LANGUAGES)[number]) {
    const instance = i18next.createInstance();
    await instance.init({
      lng: language,
      fallbackLng: false,
      ns: ['casework'],
      defaultNS: 'casework',
      interpolation: { escapeValue: false },
      resources: { [language]: { casework: bundles[language] } },
    });
    const t = instance.t.bind(instance) as unknown as (key: string, options?: Record<string, unknown>) => string;
    return (reason: { indicator: string; value: number; threshold: number }) =>
      t(`reason.${reason.indicator}`, { count: reason.value, threshold: reason.threshold });
  }

  it('says why, in every language, with the right plural', async () => {
    const [reason] = scoreScreening(PROFILES.XK, { unjustifiedAbsences: 14 }).reasons;
    if (!reason) throw new Error('expected a reason');
    expect((await translator('en'))(reason)).toBe('14 unjustified absences this term — at or above 10');
    expect((await translator('sq'))(reason)).toBe('14 mungesa të paarsyeshme këtë gjysmëvjetor — në ose mbi pragun 10');
    const sr = await translator('sr-Cyrl');
    expect(sr(reason)).toBe('14 неоправданих изостанака у овом полугодишту — на прагу од 10 или изнад њега');
    expect(sr({ ...reason, value: 22 })).toBe(
      '22 неоправдана изостанка у овом полугодишту — на прагу од 10 или изнад њега',
    );
    expect(sr({ ...reason, value: 21 })).toBe(
      '21 неоправдан изостанак у овом полугодишту — на прагу од 10 или изнад њега',
    );
    expect((await translator('sr-Latn'))({ ...reason, value: 22 })).toBe(
      '22 neopravdana izostanka u ovom polugodištu — na pragu od 10 ili iznad njega',
    );
    expect((await translator('en'))({ indicator: 'failingSubjects', value: 1, threshold: 1 })).toBe(
      '1 failing subject this term — at or above 1',
    );
    expect((await translator('en'))({ indicator: 'earlyMarriage', value: 1, threshold: 1 })).toBe(
      'Engaged or married early, or an early marriage is planned',
    );
  });
});
