import type { IsoDate } from './dueDates.ts';
import {
  levelForScore,
  levelRank,
  type IndicatorDefinition,
  type ProfileId,
  type ProtocolProfile,
  type RiskLevel,
  type Signal,
} from './protocolProfile.ts';
import type { IndicatorCode, IndicatorDomain, ProtectiveFactor } from './riskIndicators.ts';

/**
 * Risk screening (PRODUCT F3): a teacher enters the profile's indicators for
 * one student and term, and the device computes the level with its reasons.
 * Counts are whole numbers, flags are yes/no; an indicator left empty is
 * listed as missing, never guessed.
 */
export type ScreeningValues = Partial<Record<IndicatorCode, number | boolean>>;

/** A school year and term, e.g. "2025-2026/1". */
export const TERM_PATTERN = /^(\d{4})-(\d{4})\/([1-3])$/;

/**
 * Why a student scored: data the UI turns into words with
 * `t('casework:reason.<indicator>', { count: value, threshold })`, e.g.
 * "14 unjustified absences this term — at or above 10". For a flag, value and
 * threshold are both 1 (yes).
 */
export interface RiskReason {
  indicator: IndicatorCode;
  domain: IndicatorDomain;
  kind: 'count' | 'flag';
  value: number;
  /** The inclusive minimum that was reached: the mild one for signal 1, the high one for signal 2. */
  threshold: number;
  signal: 1 | 2;
  /** signal × weight: what this reason added to the score. */
  points: number;
}

export interface ScreeningResult {
  level: RiskLevel;
  score: number;
  /** Strongest first, then in the profile's order. */
  reasons: RiskReason[];
  /** Indicators of the profile with no value entered. */
  missing: IndicatorCode[];
  profileId: ProfileId;
  profileVersion: number;
}

/** A stored screening. Level and score are kept as computed, so a later change of thresholds never rewrites history. */
export interface Screening {
  id: string;
  studentId: string;
  term: string;
  screenedOn: IsoDate;
  screenedBy: string;
  profileId: ProfileId;
  profileVersion: number;
  values: ScreeningValues;
  protectiveFactors: ProtectiveFactor[];
  level: RiskLevel;
  score: number;
}

export type LevelChange = 'rose' | 'fell' | 'same';

/** Error codes of screening validation (screeningValidation.ts), translated as `casework:screeningError.<code>`. */
export const SCREENING_ERRORS = [
  'unknownIndicator',
  'notANumber',
  'notWholeNumber',
  'negative',
  'tooLarge',
  'expectedYesNo',
  'invalidTerm',
  'invalidDate',
  'dateInFuture',
  'unknownProtectiveFactor',
  'required',
] as const;
export type ScreeningError = (typeof SCREENING_ERRORS)[number];

/** The CroCooS signal (0 none, 1 mild, 2 high) one value gives; a value of the wrong kind gives none. */
export function signalFor(indicator: IndicatorDefinition, value: number | boolean | undefined): Signal {
  if (indicator.kind === 'flag') return value === true ? indicator.signal : 0;
  if (typeof value !== 'number' || !Number.isFinite(value)) return 0;
  if (value >= indicator.thresholds.high) return 2;
  if (value >= indicator.thresholds.mild) return 1;
  return 0;
}

function hasValue(indicator: IndicatorDefinition, value: number | boolean | undefined): boolean {
  return indicator.kind === 'flag' ? typeof value === 'boolean' : typeof value === 'number' && Number.isFinite(value);
}

/**
 * Scores a screening on the device: the sum of signal × weight over the
 * profile's indicators, mapped to a level by the profile's thresholds, with
 * one reason per indicator that signalled.
 */
export function scoreScreening(profile: ProtocolProfile, values: ScreeningValues): ScreeningResult {
  const reasons: RiskReason[] = [];
  const missing: IndicatorCode[] = [];
  let score = 0;
  for (const indicator of profile.indicators) {
    const value = values[indicator.code];
    if (!hasValue(indicator, value)) {
      missing.push(indicator.code);
      continue;
    }
    const signal = signalFor(indicator, value);
    if (signal === 0) continue;
    const points = signal * indicator.weight;
    score += points;
    reasons.push({
      indicator: indicator.code,
      domain: indicator.domain,
      kind: indicator.kind,
      value: indicator.kind === 'flag' ? 1 : (value as number),
      threshold: indicator.kind === 'flag' ? 1 : signal === 2 ? indicator.thresholds.high : indicator.thresholds.mild,
      signal,
      points,
    });
  }
  // Array.prototype.sort is stable, so equal points keep the profile's order.
  reasons.sort((a, b) => b.points - a.points);
  return {
    level: levelForScore(score, profile.levelThresholds),
    score,
    reasons,
    missing,
    profileId: profile.id,
    profileVersion: profile.version,
  };
}

/** Whether the risk level rose, fell or stayed between two screenings (the "Today" screen lists rises). */
export function compareScreenings(previous: { level: RiskLevel }, current: { level: RiskLevel }): LevelChange {
  const delta = levelRank(current.level) - levelRank(previous.level);
  if (delta > 0) return 'rose';
  if (delta < 0) return 'fell';
  return 'same';
}

/** Orders screenings oldest first: by date, then term, then id, so every device agrees. */
export function compareScreeningOrder(a: Screening, b: Screening): number {
  if (a.screenedOn !== b.screenedOn) return a.screenedOn < b.screenedOn ? -1 : 1;
  if (a.term !== b.term) return a.term < b.term ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * One student's screenings, oldest first, each with its change from the one
 * before (`first` for the first), so a change of level is visible in history.
 */
export function screeningHistory(
  screenings: readonly Screening[],
): { screening: Screening; change: LevelChange | 'first' }[] {
  const sorted = [...screenings].sort(compareScreeningOrder);
  return sorted.map((screening, index) => {
    const previous = index > 0 ? sorted[index - 1] : undefined;
    return { screening, change: previous ? compareScreenings(previous, screening) : 'first' };
  });
}
