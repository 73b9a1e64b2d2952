/**
 * The codes of every risk indicator either profile uses, grouped by domain.
 * A profile picks from these (profiles/*.ts); codes are stable because
 * screenings store values under them and locales label them
 * (`casework:indicator.<code>`, `casework:reason.<code>`).
 */
export const INDICATOR_DOMAINS = [
  'attendance',
  'achievement',
  'behaviour',
  'family',
  'engagement',
  'vulnerability',
  'gender',
  'distance',
] as const;
export type IndicatorDomain = (typeof INDICATOR_DOMAINS)[number];

export const INDICATOR_CODES = [
  // attendance
  'unjustifiedAbsences',
  'totalAbsences',
  'seasonalAttendance',
  // achievement
  'failingSubjects',
  'missingGrades',
  'repeatedOrLateEnrolment',
  'schoolTransfers',
  // behaviour
  'behaviourIncidents',
  // family
  'lowFamilySupport',
  'lowParentEngagement',
  'lowParentalEducation',
  // engagement
  'lowInterest',
  'weakSocialEngagement',
  'weakAcademicEngagement',
  'droppedOutBefore',
  // vulnerability
  'economicHardship',
  'cannotAffordCosts',
  'earlyWork',
  'notFluentInLanguage',
  'mobileFamily',
  'migrationReturn',
  'suddenFamilyChange',
  'substanceMisuse',
  'siblingsLeftEarly',
  'bullyingOrViolence',
  'discrimination',
  'returnFromCare',
  // gender-based barriers
  'earlyMarriage',
  'careDuties',
  'familyDevaluesSchooling',
  // distance and transport
  'hardJourney',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/**
 * Protective factors are recorded with a screening but not scored: Tool 1 asks
 * for them so the plan can build on them (docs/domain.md §2).
 */
export const PROTECTIVE_FACTORS = [
  'goodAttendance',
  'motivation',
  'literacyNumeracy',
  'artsOrSport',
  'peerSupport',
  'supportiveAdult',
] as const;
export type ProtectiveFactor = (typeof PROTECTIVE_FACTORS)[number];

const CODE_SET: ReadonlySet<string> = new Set(INDICATOR_CODES);

/** Narrows a stored or typed string to a known indicator code. */
export function isIndicatorCode(value: string): value is IndicatorCode {
  return CODE_SET.has(value);
}
