import type { CountUnit, IndicatorDefinition, Source } from '../protocolProfile.ts';
import type { IndicatorCode, IndicatorDomain } from '../riskIndicators.ts';
import type { SourceRef } from '../sourceReferences.ts';

/**
 * Small builders so the profile files read as tables. Thresholds and weights
 * default to `source: 'default'`: no found source sets any of them
 * (docs/domain.md §2, "Thresholds in standard practice [P]").
 */
interface Common {
  code: IndicatorCode;
  domain: IndicatorDomain;
  /** Why the indicator is in the profile: a found source, or a proposal. */
  source: Source;
  refs: readonly SourceRef[];
  weight?: number;
}

/** A counted indicator: `mild` and `high` are inclusive minimums. */
export function countIndicator(
  input: Common & { unit: CountUnit; mild: number; high: number; period?: 'term' | 'schoolCareer' },
): IndicatorDefinition {
  return {
    kind: 'count',
    code: input.code,
    domain: input.domain,
    unit: input.unit,
    period: input.period ?? 'term',
    thresholds: { mild: input.mild, high: input.high },
    thresholdSource: 'default',
    weight: input.weight ?? 1,
    weightSource: 'default',
    source: input.source,
    refs: input.refs,
  };
}

/** A yes/no indicator: "yes" scores `signal` (1 mild unless said otherwise). */
export function flagIndicator(input: Common & { signal?: 1 | 2 }): IndicatorDefinition {
  return {
    kind: 'flag',
    code: input.code,
    domain: input.domain,
    signal: input.signal ?? 1,
    thresholdSource: 'default',
    weight: input.weight ?? 1,
    weightSource: 'default',
    source: input.source,
    refs: input.refs,
  };
}

/**
 * All absences, justified or not, in lessons this term. Chronic absence is
 * ≥10% of school days and under 80% attendance is higher risk (Balfanz &
 * Chang); with about 25 lessons a week over an 18-week term (≈450 lessons),
 * 10% ≈ 45 and 20% ≈ 90. A default for both profiles.
 */
export const TOTAL_ABSENCES = countIndicator({
  code: 'totalAbsences',
  domain: 'attendance',
  unit: 'lessons',
  mild: 45,
  high: 90,
  source: 'default',
  refs: ['balfanzChang', 'louisianaDews'],
});

/**
 * Gender-based barriers (docs/domain.md §2, "Flags … [P]"). The flags are
 * proposals; the figures behind them are sourced: about one Roma girl in three
 * aged 15–19 is married or cohabiting (BOS 2025), 56% of Roma-settlement women
 * aged 20–24 married before 18 (MICS via Praxis). Early marriage almost always
 * ends schooling, so it alone reaches `high` (weight 3 × signal 2 = 6).
 */
export const GENDER_BARRIERS: readonly IndicatorDefinition[] = [
  flagIndicator({
    code: 'earlyMarriage',
    domain: 'gender',
    signal: 2,
    weight: 3,
    source: 'default',
    refs: ['bos2025', 'praxisMics'],
  }),
  flagIndicator({ code: 'careDuties', domain: 'gender', weight: 2, source: 'default', refs: ['bos2025'] }),
  flagIndicator({ code: 'familyDevaluesSchooling', domain: 'gender', weight: 2, source: 'default', refs: ['bos2025'] }),
];
