import { CLOSURE_REASONS } from '../caseRecord.ts';
import type { InterventionCode } from '../interventions.ts';
import type { IndicatorDefinition, ProtocolProfile } from '../protocolProfile.ts';
import type { IndicatorCode } from '../riskIndicators.ts';
import { PROTECTIVE_FACTORS } from '../riskIndicators.ts';
import { countIndicator, flagIndicator, GENDER_BARRIERS, TOTAL_ABSENCES } from './indicatorBuilders.ts';
import { PROPOSED_DEADLINES } from './proposedDeadlines.ts';

/**
 * Serbia: no national dropout protocol exists in law; the reference model is
 * the UNICEF/CEP Dropout Prevention Model (DPM), whose teachers' screening
 * yields a Risk Index and an IPDP for the students at highest risk
 * (docs/domain.md §0–§2). Its criteria list (ages 7–19) gives the indicators
 * below (`source: 'programme'`); the gender-based barriers and distance are
 * added as proposals. Every threshold, weight and deadline is a default.
 */

/** One UNICEF/CEP criterion as a yes/no flag. */
const criterion = (code: IndicatorCode, domain: IndicatorDefinition['domain'], signal: 1 | 2 = 1, weight = 1) =>
  flagIndicator({ code, domain, signal, weight, source: 'programme', refs: ['unicefCepCriteria'] });

/**
 * Unjustified lessons per term. Serbian behaviour marks follow school-level
 * tables; one gymnasium gives a class-council reprimand from 9 hours and an
 * "unsatisfactory (1)" behaviour mark from 26. That is one school's policy,
 * not law, so 9 and 26 are defaults only.
 */
const UNJUSTIFIED_ABSENCES = countIndicator({
  code: 'unjustifiedAbsences',
  domain: 'attendance',
  unit: 'lessons',
  mild: 9,
  high: 26,
  weight: 2,
  source: 'programme',
  refs: ['unicefCepCriteria', 'gimnazijaCacak'],
});

/** The catalogue without Kosovo's Learning Centres and scholarships. */
const INTERVENTIONS: readonly InterventionCode[] = [
  'homeVisit',
  'parentMeeting',
  'parentingSessions',
  'schoolEquipmentHelp',
  'counselling',
  'girlsWorkshops',
  'peerEducation',
  'mentoring',
  'remedialClasses',
  'individualEducationPlan',
  'transportSupport',
  'schoolSupplies',
  'socialAssistance',
  'peerSupport',
  'antiBullying',
  'referralCsw',
  'referralEducationDirectorate',
  'referralHealth',
  'referralPolice',
  'referralRomaMediator',
  'referralIntersectoralCommittee',
  'misdemeanourRequest',
];

export const SERBIA_PROFILE: ProtocolProfile = {
  id: 'RS',
  version: 1,
  team: 'dpmTeam',
  plan: 'ipdp',
  indicators: [
    // Attendance: poor attendance; seasonal attendance.
    UNJUSTIFIED_ABSENCES,
    TOTAL_ABSENCES,
    criterion('seasonalAttendance', 'attendance'),
    // Achievement: low attainment; repeated a grade or enrolled late; many school transfers.
    countIndicator({
      code: 'failingSubjects',
      domain: 'achievement',
      unit: 'subjects',
      mild: 1,
      high: 3,
      source: 'programme',
      refs: ['unicefCepCriteria'],
    }),
    countIndicator({
      code: 'missingGrades',
      domain: 'achievement',
      unit: 'subjects',
      mild: 1,
      high: 3,
      weight: 2,
      source: 'default',
      refs: ['kosint2020'],
    }),
    criterion('repeatedOrLateEnrolment', 'achievement'),
    countIndicator({
      code: 'schoolTransfers',
      domain: 'achievement',
      unit: 'transfers',
      period: 'schoolCareer',
      mild: 2,
      high: 3,
      source: 'programme',
      refs: ['unicefCepCriteria'],
    }),
    // Behaviour: misconduct or aggression.
    countIndicator({
      code: 'behaviourIncidents',
      domain: 'behaviour',
      unit: 'incidents',
      mild: 2,
      high: 5,
      source: 'programme',
      refs: ['unicefCepCriteria'],
    }),
    // Parents: little family support; little engagement with the school.
    criterion('lowFamilySupport', 'family'),
    criterion('lowParentEngagement', 'family'),
    // Engagement: weak social, weak academic engagement; has dropped out before.
    criterion('weakSocialEngagement', 'engagement'),
    criterion('weakAcademicEngagement', 'engagement'),
    criterion('droppedOutBefore', 'engagement', 2, 2),
    // Vulnerability.
    criterion('notFluentInLanguage', 'vulnerability'),
    criterion('mobileFamily', 'vulnerability'),
    criterion('suddenFamilyChange', 'vulnerability'),
    criterion('economicHardship', 'vulnerability'),
    criterion('cannotAffordCosts', 'vulnerability'),
    criterion('substanceMisuse', 'vulnerability', 2),
    criterion('siblingsLeftEarly', 'vulnerability'),
    criterion('bullyingOrViolence', 'vulnerability', 2),
    criterion('discrimination', 'vulnerability'),
    criterion('returnFromCare', 'vulnerability'),
    ...GENDER_BARRIERS,
    flagIndicator({ code: 'hardJourney', domain: 'distance', source: 'default', refs: ['proposal'] }),
  ],
  levelThresholds: { medium: 2, high: 5, veryHigh: 8 },
  levelThresholdSource: 'default',
  protectiveFactors: PROTECTIVE_FACTORS,
  deadlines: PROPOSED_DEADLINES,
  interventions: INTERVENTIONS,
  closureReasons: CLOSURE_REASONS,
  // ZOSOV Art. 84: parents tell the school within 48 hours and justify the absence within 8 days.
  legalTimeLimits: [
    {
      code: 'parentNoticeOfAbsence',
      duration: { amount: 48, unit: 'hours' },
      source: 'law',
      refs: ['zosovArt84'],
    },
    {
      code: 'parentJustificationOfAbsence',
      duration: { amount: 8, unit: 'calendarDays' },
      source: 'law',
      refs: ['zosovArt84'],
    },
  ],
  toConfirm: ['confirmThresholds', 'confirmDeadlines'],
};
