import { isClosureReason, type ClosureReason } from './caseRecord.ts';
import { DURATION_UNITS, type Duration } from './dueDates.ts';
import { isInterventionCode, type InterventionCode } from './interventions.ts';
import type { DeadlineKind, IndicatorDefinition, LevelThresholds, ProtocolProfile } from './protocolProfile.ts';
import { isIndicatorCode, type IndicatorCode } from './riskIndicators.ts';

/**
 * What an administrator may change in a built-in profile: every value marked
 * `default` (thresholds, weights, level cut-offs, deadlines) and which
 * indicators, interventions and closure reasons are in use. Changed values
 * are marked `source: 'admin'`, so screens say who set them. Law values
 * (Serbia's Art. 84 time limits) are not overridable.
 */
export interface IndicatorOverride {
  enabled?: boolean;
  mild?: number;
  high?: number;
  signal?: 1 | 2;
  weight?: number;
}

export interface ProfileOverrides {
  /** The administrator's configuration revision; becomes the profile's version. */
  version: number;
  indicators?: Partial<Record<IndicatorCode, IndicatorOverride>>;
  levelThresholds?: Partial<LevelThresholds>;
  deadlines?: Partial<Record<DeadlineKind, Duration>>;
  interventions?: readonly InterventionCode[];
  closureReasons?: readonly ClosureReason[];
}

export const OVERRIDE_ERRORS = [
  'invalidVersion',
  'unknownIndicator',
  'notWholeNumber',
  'thresholdsOutOfOrder',
  'weightOutOfRange',
  'levelsOutOfOrder',
  'durationOutOfRange',
  'notInCatalogue',
  'emptyList',
] as const;
export type OverrideError = (typeof OVERRIDE_ERRORS)[number];
export type OverrideResult =
  { ok: true; profile: ProtocolProfile } | { ok: false; errors: { path: string; code: OverrideError }[] };

const MAX_WEIGHT = 5;
const MAX_DURATION = 365;
const isCount = (value: number) => Number.isInteger(value) && value >= 0;

function overrideIndicator(
  indicator: IndicatorDefinition,
  change: IndicatorOverride,
  fail: (code: OverrideError) => void,
): IndicatorDefinition {
  let next: IndicatorDefinition = { ...indicator };
  if (change.weight !== undefined) {
    if (!Number.isInteger(change.weight) || change.weight < 0 || change.weight > MAX_WEIGHT) fail('weightOutOfRange');
    next = { ...next, weight: change.weight, weightSource: 'admin' };
  }
  if (next.kind === 'count' && (change.mild !== undefined || change.high !== undefined)) {
    const thresholds = { mild: change.mild ?? next.thresholds.mild, high: change.high ?? next.thresholds.high };
    if (!isCount(thresholds.mild) || !isCount(thresholds.high)) fail('notWholeNumber');
    // Mild at least 1, so "0 absences" never signals; high strictly above mild.
    else if (thresholds.mild < 1 || thresholds.high <= thresholds.mild) fail('thresholdsOutOfOrder');
    next = { ...next, thresholds, thresholdSource: 'admin' };
  }
  if (next.kind === 'flag' && change.signal !== undefined)
    next = { ...next, signal: change.signal, thresholdSource: 'admin' };
  return next;
}

/**
 * Applies an administrator's changes to a built-in profile, or lists every
 * change that is not acceptable. Pure, so the server validates what the admin
 * screen saves and every device derives the same profile from it.
 */
export function applyProfileOverrides(base: ProtocolProfile, overrides: ProfileOverrides): OverrideResult {
  const errors: { path: string; code: OverrideError }[] = [];
  const at = (path: string) => (code: OverrideError) => errors.push({ path, code });
  if (!Number.isInteger(overrides.version) || overrides.version < 1) at('version')('invalidVersion');

  const changes = overrides.indicators ?? {};
  for (const code of Object.keys(changes)) {
    if (!isIndicatorCode(code) || !base.indicators.some((indicator) => indicator.code === code)) {
      at(`indicators.${code}`)('unknownIndicator');
    }
  }
  const indicators = base.indicators.flatMap((indicator) => {
    const change = changes[indicator.code];
    if (!change) return [indicator];
    if (change.enabled === false) return [];
    return [overrideIndicator(indicator, change, at(`indicators.${indicator.code}`))];
  });

  const levels = { ...base.levelThresholds, ...overrides.levelThresholds };
  const { medium, high, veryHigh } = levels;
  if (![medium, high, veryHigh].every(isCount) || !(medium >= 1 && medium < high && high < veryHigh)) {
    at('levelThresholds')('levelsOutOfOrder');
  }

  const deadlines = { ...base.deadlines };
  for (const [kind, duration] of Object.entries(overrides.deadlines ?? {}) as [DeadlineKind, Duration][]) {
    const valid = DURATION_UNITS.includes(duration.unit) && isCount(duration.amount) && duration.amount <= MAX_DURATION;
    if (!valid) at(`deadlines.${kind}`)('durationOutOfRange');
    deadlines[kind] = { duration, source: 'admin', refs: [] };
  }

  const interventions = overrides.interventions ?? base.interventions;
  if (interventions.length === 0) at('interventions')('emptyList');
  if (interventions.some((code) => !isInterventionCode(code))) at('interventions')('notInCatalogue');
  const closureReasons = overrides.closureReasons ?? base.closureReasons;
  if (closureReasons.length === 0) at('closureReasons')('emptyList');
  if (closureReasons.some((code) => !isClosureReason(code))) at('closureReasons')('notInCatalogue');

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    profile: {
      ...base,
      version: overrides.version,
      indicators,
      levelThresholds: levels,
      levelThresholdSource: overrides.levelThresholds ? 'admin' : base.levelThresholdSource,
      deadlines,
      interventions,
      closureReasons,
    },
  };
}
