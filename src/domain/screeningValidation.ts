import { z } from 'zod';
import { isIsoDate, type IsoDate } from './dueDates.ts';
import { indicatorByCode, type CountUnit, type ProtocolProfile } from './protocolProfile.ts';
import type { ProtectiveFactor } from './riskIndicators.ts';
import {
  scoreScreening,
  TERM_PATTERN,
  type Screening,
  type ScreeningError,
  type ScreeningValues,
} from './riskScreening.ts';
import { ID_PATTERN } from './student.ts';

/**
 * Validation of screening values, shared by the quick-entry form and the
 * server. Kept apart from riskScreening.ts so zod loads only with the screens
 * that validate. Errors are codes (`casework:screeningError.<code>`).
 */

/** Generous ceilings that still catch a typo (4500 lessons instead of 45). */
export const MAX_COUNT: Readonly<Record<CountUnit, number>> = {
  lessons: 1500,
  subjects: 25,
  incidents: 500,
  transfers: 30,
};

/** What the form holds: counts as typed text, flags as booleans. */
export type ScreeningDraft = Readonly<Record<string, string | boolean>>;
export type ScreeningErrors = Partial<Record<string, ScreeningError>>;
export type ValuesValidation = { ok: true; value: ScreeningValues } | { ok: false; errors: ScreeningErrors };

const countSchemas = new Map<number, z.ZodNumber>();
function countSchema(max: number): z.ZodNumber {
  let schema = countSchemas.get(max);
  if (!schema) {
    schema = z.number('notANumber').int('notWholeNumber').min(0, 'negative').max(max, 'tooLarge');
    countSchemas.set(max, schema);
  }
  return schema;
}

function firstCode(error: z.ZodError): ScreeningError {
  return (error.issues[0]?.message ?? 'notANumber') as ScreeningError;
}

/** Checks one entry; `undefined` means "left empty", which is allowed. */
function checkEntry(
  profile: ProtocolProfile,
  code: string,
  raw: unknown,
): { value?: number | boolean; error?: ScreeningError } {
  const indicator = indicatorByCode(profile, code);
  if (!indicator) return { error: 'unknownIndicator' };
  if (raw === undefined || raw === null) return {};
  if (indicator.kind === 'flag') return typeof raw === 'boolean' ? { value: raw } : { error: 'expectedYesNo' };
  let candidate = raw;
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return {};
    // "14,0" and "14.5" reach the whole-number check; "fourteen" does not.
    candidate = /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
  }
  if (typeof candidate !== 'number' || Number.isNaN(candidate)) return { error: 'notANumber' };
  const parsed = countSchema(MAX_COUNT[indicator.unit]).safeParse(candidate);
  return parsed.success ? { value: parsed.data } : { error: firstCode(parsed.error) };
}

/**
 * Turns what was typed (or what a device sent) into screening values, or names
 * each indicator that is wrong: unknown codes, counts that are not
 * non-negative whole numbers within a plausible ceiling, flags that are not
 * yes/no. Empty entries are left out, and scoring lists them as missing.
 */
export function validateScreeningValues(profile: ProtocolProfile, raw: unknown): ValuesValidation {
  const shape = z.record(z.string(), z.unknown()).safeParse(raw);
  if (!shape.success) return { ok: false, errors: { values: 'required' } };
  const values: Record<string, number | boolean> = {};
  const errors: ScreeningErrors = {};
  for (const [code, entry] of Object.entries(shape.data)) {
    const checked = checkEntry(profile, code, entry);
    if (checked.error) errors[code] = checked.error;
    else if (checked.value !== undefined) values[code] = checked.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: values };
}

/** The form's entry point: same rules as validateScreeningValues, typed for the draft. */
export function parseScreeningDraft(profile: ProtocolProfile, draft: ScreeningDraft): ValuesValidation {
  return validateScreeningValues(profile, draft);
}

const screeningMetaSchema = z.object({
  id: z.string().regex(ID_PATTERN, 'required'),
  studentId: z.string().regex(ID_PATTERN, 'required'),
  term: z.string().regex(TERM_PATTERN, 'invalidTerm').refine(isConsecutiveYears, 'invalidTerm'),
  screenedOn: z.string().refine(isIsoDate, 'invalidDate'),
  screenedBy: z.string().trim().min(1, 'required'),
  protectiveFactors: z.array(z.string(), 'required'),
  values: z.unknown(),
});

function isConsecutiveYears(term: string): boolean {
  const match = TERM_PATTERN.exec(term);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}

export type ScreeningValidation = { ok: true; value: Screening } | { ok: false; errors: ScreeningErrors };

/**
 * Validates a whole screening and computes its level and score on this side:
 * a level sent by a device is never trusted, it is recomputed from the values.
 */
export function validateScreening(profile: ProtocolProfile, raw: unknown, today: IsoDate): ScreeningValidation {
  const errors: ScreeningErrors = {};
  const meta = screeningMetaSchema.safeParse(raw);
  if (!meta.success) {
    for (const issue of meta.error.issues)
      errors[String(issue.path[0] ?? 'values')] ??= issue.message as ScreeningError;
  }
  const source = (raw ?? {}) as { values?: unknown; protectiveFactors?: unknown };
  const values = validateScreeningValues(profile, source.values);
  if (!values.ok) for (const [code, error] of Object.entries(values.errors)) errors[`values.${code}`] = error;
  if (meta.success && meta.data.screenedOn > today) errors.screenedOn = 'dateInFuture';
  const factors: unknown[] = Array.isArray(source.protectiveFactors) ? source.protectiveFactors : [];
  if (factors.some((factor) => !(profile.protectiveFactors as readonly unknown[]).includes(factor))) {
    errors.protectiveFactors = 'unknownProtectiveFactor';
  }
  if (!meta.success || !values.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const result = scoreScreening(profile, values.value);
  return {
    ok: true,
    value: {
      ...meta.data,
      protectiveFactors: [...new Set(factors)] as ProtectiveFactor[],
      profileId: profile.id,
      profileVersion: profile.version,
      values: values.value,
      level: result.level,
      score: result.score,
    },
  };
}
