import { z } from 'zod';
import { isIsoDate, type IsoDate } from './dueDates.ts';
import {
  CONSENT_STATUSES,
  MAX_AGREED_ACTIONS,
  MAX_LONG_TEXT,
  MAX_SHORT_TEXT,
  PRESENT_PARTIES,
  STATED_REASONS,
  TIME_PATTERN,
  VISIT_ERRORS,
  VISIT_OUTCOMES,
  type HomeVisitField,
  type HomeVisitFields,
  type VisitError,
} from './homeVisit.ts';
import { ID_PATTERN } from './student.ts';

/**
 * Validation of home-visit notes, shared by the form and the server; apart
 * from homeVisit.ts so zod loads lazily. Errors are codes per field
 * (`casework:visitError.<code>`); agreed actions report as `agreedActions`.
 */
const shortText = z.string().trim().max(MAX_SHORT_TEXT, 'tooLong');
const longText = z.string().trim().max(MAX_LONG_TEXT, 'tooLong');
const isoDate = z.string().refine(isIsoDate, 'invalidDate');
const time = z.union([z.string().regex(TIME_PATTERN, 'invalidTime'), z.null()], 'invalidTime');
const uniqueList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values, 'invalidChoice'), 'invalidChoice')
    .refine((list) => new Set(list).size === list.length, 'duplicate');

export const homeVisitFieldsSchema = z.strictObject({
  caseId: z.string().regex(ID_PATTERN, 'required'),
  visitDate: isoDate,
  startTime: time,
  endTime: time,
  planned: z.boolean('invalidChoice'),
  otherVisitors: shortText,
  language: shortText,
  interpreterOrMediator: z.boolean('invalidChoice'),
  outcome: z.enum(VISIT_OUTCOMES, 'invalidChoice'),
  newAddress: shortText,
  present: uniqueList(PRESENT_PARTIES),
  statedReasons: uniqueList(STATED_REASONS),
  statedReasonsText: longText,
  observations: longText,
  childView: longText,
  strengths: longText,
  safeguardingConcern: z.boolean('invalidChoice'),
  agreedActions: z
    .array(
      z.strictObject({
        what: z.string().trim().min(1, 'required').max(MAX_SHORT_TEXT, 'tooLong'),
        who: shortText,
        byDate: z.union([isoDate, z.null()], 'invalidDate'),
      }),
      'invalid',
    )
    .max(MAX_AGREED_ACTIONS, 'tooLong'),
  nextVisitDate: z.union([isoDate, z.null()], 'invalidDate'),
  familyInformedOfDataUse: z.boolean('invalidChoice'),
  consent: z.enum(CONSENT_STATUSES, 'invalidChoice'),
  parentAcknowledged: z.boolean('invalidChoice'),
  notes: longText,
  correctionOf: z.union([z.string().regex(ID_PATTERN, 'invalid'), z.null()], 'invalid'),
});

// Compile-time check that the schema and the HomeVisitFields interface agree.
const schemaMatchesInterface: z.infer<typeof homeVisitFieldsSchema> extends HomeVisitFields
  ? HomeVisitFields extends z.infer<typeof homeVisitFieldsSchema>
    ? true
    : false
  : false = true;
void schemaMatchesInterface;

/** `form` holds errors about the note as a whole, such as a field no note has. */
export type VisitErrors = Partial<Record<HomeVisitField | 'form', VisitError>>;
export type HomeVisitValidation = { ok: true; value: HomeVisitFields } | { ok: false; errors: VisitErrors };

const KNOWN: ReadonlySet<string> = new Set(VISIT_ERRORS);

/** Rules across fields that a single-field schema cannot state. */
function crossFieldErrors(visit: HomeVisitFields, today: IsoDate): VisitErrors {
  const errors: VisitErrors = {};
  if (visit.visitDate > today) errors.visitDate = 'dateInFuture';
  if (visit.startTime !== null && visit.endTime !== null && visit.endTime < visit.startTime) {
    errors.endTime = 'endBeforeStart';
  }
  if (visit.nextVisitDate !== null && visit.nextVisitDate < visit.visitDate) {
    errors.nextVisitDate = 'nextVisitBeforeVisit';
  }
  // Meeting the family means someone was there; nobody home means no one was.
  if (visit.outcome === 'metFamily' && visit.present.length === 0) errors.present = 'presentRequired';
  if (visit.outcome === 'nobodyHome' && visit.present.length > 0) errors.present = 'presentNotExpected';
  if (visit.agreedActions.some((action) => action.byDate !== null && action.byDate < visit.visitDate)) {
    errors.agreedActions = 'actionDateBeforeVisit';
  }
  return errors;
}

/**
 * Checks a note before it is saved (on the phone) or accepted (on the
 * server). `today` is the school's calendar date: a visit cannot be recorded
 * for a day that has not come yet.
 */
export function validateHomeVisit(raw: unknown, today: IsoDate): HomeVisitValidation {
  const parsed = homeVisitFieldsSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: VisitErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.length === 0 ? 'form' : (String(issue.path[0]) as HomeVisitField);
      errors[field] ??= (KNOWN.has(issue.message) ? issue.message : 'invalid') as VisitError;
    }
    return { ok: false, errors };
  }
  const errors = crossFieldErrors(parsed.data, today);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}
