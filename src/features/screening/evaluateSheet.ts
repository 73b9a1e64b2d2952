import type { ProtocolProfile } from '../../domain/protocolProfile.ts';
import { scoreScreening, type ScreeningResult, type ScreeningValues } from '../../domain/riskScreening.ts';
import { parseScreeningDraft, type ScreeningDraft, type ScreeningErrors } from '../../domain/screeningValidation.ts';

export interface SheetEvaluation {
  /** One error code per indicator that is wrong (`casework:screeningError.<code>`). */
  errors: ScreeningErrors;
  /** The valid values only: what would be saved once the errors are corrected. */
  values: ScreeningValues;
  result: ScreeningResult;
}

/**
 * Flags are checkboxes on a sheet the teacher has gone through, so a box left
 * unticked means "no", not "unknown"; only an empty count is missing.
 */
function withFlagAnswers(profile: ProtocolProfile, draft: ScreeningDraft): ScreeningDraft {
  const answers: Record<string, string | boolean> = {};
  for (const indicator of profile.indicators) if (indicator.kind === 'flag') answers[indicator.code] = false;
  return { ...answers, ...draft };
}

/**
 * Validates the sheet as typed and scores what is valid, so the level and its
 * reasons follow each keystroke while a wrong entry waits to be corrected.
 */
export function evaluateSheet(profile: ProtocolProfile, draft: ScreeningDraft): SheetEvaluation {
  const answers = withFlagAnswers(profile, draft);
  const parsed = parseScreeningDraft(profile, answers);
  if (parsed.ok) return { errors: {}, values: parsed.value, result: scoreScreening(profile, parsed.value) };
  const valid = Object.fromEntries(Object.entries(answers).filter(([code]) => parsed.errors[code] === undefined));
  const reparsed = parseScreeningDraft(profile, valid);
  const values = reparsed.ok ? reparsed.value : {};
  return { errors: parsed.errors, values, result: scoreScreening(profile, values) };
}

/** True once anything was entered: a number (0 counts) or a ticked indicator. Guards against saving a blank sheet. */
export function hasAnyEntry(draft: ScreeningDraft): boolean {
  return Object.values(draft).some((value) => value === true || (typeof value === 'string' && value.trim() !== ''));
}
