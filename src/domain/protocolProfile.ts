import type { Duration } from './dueDates.ts';
import type { IndicatorCode, IndicatorDomain, ProtectiveFactor } from './riskIndicators.ts';
import type { InterventionCode } from './interventions.ts';
import type { ClosureReason } from './caseRecord.ts';
import type { SourceRef } from './sourceReferences.ts';

/**
 * A protocol profile: everything a country's dropout-prevention protocol
 * decides, kept as data so no screen hard-codes a threshold or a deadline
 * (PRODUCT F3, F4). The deployment chooses the profile; each school belongs
 * to one. docs/protocol-profiles.md explains every value and its source.
 */
export const PROFILE_IDS = ['XK', 'RS'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

/**
 * Where a value comes from. Only `law` and `programme` values have a found
 * source (docs/domain.md [S]); `default` is a proposal ([P]) that an
 * administrator should confirm; `admin` is a value the administrator set.
 */
export const SOURCES = ['law', 'programme', 'default', 'admin'] as const;
export type Source = (typeof SOURCES)[number];

/**
 * Risk levels. Four, because the Serbian Dropout Prevention Model reports a
 * "very high risk" group that gets an IPDP (Jovanović et al. 2017); Kosovo uses
 * the same scale so one dashboard can compare both (F16).
 */
export const RISK_LEVELS = ['low', 'medium', 'high', 'veryHigh'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** CroCooS scores each signal 0 none, 1 mild, 2 high (oktataskepzes.tka.hu). */
export type Signal = 0 | 1 | 2;

/** What a count is counted in; the reason text names it. */
export const COUNT_UNITS = ['lessons', 'subjects', 'incidents', 'transfers'] as const;
export type CountUnit = (typeof COUNT_UNITS)[number];

/**
 * A counted indicator. A value at or above `mild` scores 1, at or above `high`
 * scores 2 (inclusive, so "10 or more" is `mild: 10`).
 */
export interface CountIndicator {
  kind: 'count';
  unit: CountUnit;
  /** 'term' = counted over the screened term; 'schoolCareer' = so far. */
  period: 'term' | 'schoolCareer';
  thresholds: { mild: number; high: number };
  thresholdSource: Source;
}

/** A yes/no indicator: "yes" scores `signal`. */
export interface FlagIndicator {
  kind: 'flag';
  signal: 1 | 2;
  thresholdSource: Source;
}

export type IndicatorDefinition = (CountIndicator | FlagIndicator) & {
  code: IndicatorCode;
  domain: IndicatorDomain;
  /** Multiplies the signal in the score. No source gives weights: always `default` or `admin`. */
  weight: number;
  weightSource: Source;
  /** Why the indicator is in the profile at all. */
  source: Source;
  refs: readonly SourceRef[];
};

/** Minimum total score for each level above `low`; strictly increasing. */
export interface LevelThresholds {
  medium: number;
  high: number;
  veryHigh: number;
}

/** A protocol time limit that becomes a due date. */
export interface DeadlineRule {
  duration: Duration;
  source: Source;
  refs: readonly SourceRef[];
}

export const DEADLINE_KINDS = ['openCase', 'assessment', 'plan', 'review', 'closureReview'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * Deadlines of the case workflow, each from its anchor:
 * openCase from the flag, assessment and plan from the opening, review from
 * the plan's activation or the last review, closureReview from the start of
 * monitoring (the earliest date to consider closing).
 */
export type ProfileDeadlines = Record<DeadlineKind, DeadlineRule>;

/** A time limit the law sets on someone else (e.g. parents), shown for reference. */
export interface LegalTimeLimit {
  code: 'parentNoticeOfAbsence' | 'parentJustificationOfAbsence';
  duration: { amount: number; unit: 'hours' | 'calendarDays' };
  source: 'law';
  refs: readonly SourceRef[];
}

export interface ProtocolProfile {
  id: ProfileId;
  /** Bumped whenever a threshold, weight or deadline changes; screenings keep the version they used. */
  version: number;
  /** The school team's name in this protocol. */
  team: 'prtan' | 'dpmTeam';
  /** What the individual plan is called. */
  plan: 'casePlan' | 'ipdp';
  indicators: readonly IndicatorDefinition[];
  levelThresholds: LevelThresholds;
  levelThresholdSource: Source;
  protectiveFactors: readonly ProtectiveFactor[];
  deadlines: ProfileDeadlines;
  interventions: readonly InterventionCode[];
  closureReasons: readonly ClosureReason[];
  legalTimeLimits: readonly LegalTimeLimit[];
  /** Open points an administrator must check before relying on the profile. */
  toConfirm: readonly SourceRef[];
}

const LEVEL_RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2, veryHigh: 3 };

/** Orders levels so a rise or fall between screenings can be told apart. */
export function levelRank(level: RiskLevel): number {
  return LEVEL_RANK[level];
}

/** The level a total score reaches under the profile's thresholds. */
export function levelForScore(score: number, thresholds: LevelThresholds): RiskLevel {
  if (score >= thresholds.veryHigh) return 'veryHigh';
  if (score >= thresholds.high) return 'high';
  if (score >= thresholds.medium) return 'medium';
  return 'low';
}

/** Finds an indicator by code, so screens and scoring never search the list by hand. */
export function indicatorByCode(profile: ProtocolProfile, code: string): IndicatorDefinition | undefined {
  return profile.indicators.find((indicator) => indicator.code === code);
}
