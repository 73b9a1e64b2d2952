import { z } from 'zod';
import { isIsoDate } from './dueDates.ts';
import { INTERVENTION_CODES, type InterventionCode } from './interventions.ts';
import {
  ORGANISATION_TYPES,
  PLAN_ACTION_ERRORS,
  PLAN_ACTION_OUTCOMES,
  PLAN_ACTION_STATUSES,
  type PlanActionError,
  type PlanActionFields,
} from './planAction.ts';
import type { ProtocolProfile } from './protocolProfile.ts';
import { ID_PATTERN } from './student.ts';

/**
 * Validation of plan actions for the form and the server, apart from
 * planAction.ts so zod loads lazily. The intervention must be in the case's
 * profile: Serbia's misdemeanour request is not offered in Kosovo.
 */
const MAX_TEXT = 1000;
const isoDateOrNull = z.union([z.string().refine(isIsoDate, 'invalidDate'), z.null()], 'invalidDate');

export const planActionFieldsSchema = z.strictObject({
  caseId: z.string().regex(ID_PATTERN, 'required'),
  interventionType: z.enum(INTERVENTION_CODES as [InterventionCode, ...InterventionCode[]], 'invalidChoice'),
  description: z.string().trim().max(MAX_TEXT, 'tooLong'),
  responsible: z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('user'), userId: z.string().regex(ID_PATTERN, 'required') }),
      z.strictObject({ kind: z.literal('person'), name: z.string().trim().min(1, 'required').max(200, 'tooLong') }),
      z.strictObject({
        kind: z.literal('organisation'),
        organisationType: z.enum(ORGANISATION_TYPES, 'invalidChoice'),
        name: z.string().trim().min(1, 'required').max(200, 'tooLong'),
      }),
    ],
    'required',
  ),
  dueDate: isoDateOrNull,
  status: z.enum(PLAN_ACTION_STATUSES, 'invalidChoice'),
  outcome: z.union([z.enum(PLAN_ACTION_OUTCOMES), z.null()], 'invalidChoice'),
  outcomeNote: z.string().trim().max(MAX_TEXT, 'tooLong'),
  completedAt: isoDateOrNull,
});

// Compile-time check that the schema and the PlanActionFields interface agree.
const schemaMatchesInterface: z.infer<typeof planActionFieldsSchema> extends PlanActionFields
  ? PlanActionFields extends z.infer<typeof planActionFieldsSchema>
    ? true
    : false
  : false = true;
void schemaMatchesInterface;

export type PlanActionErrors = Partial<Record<keyof PlanActionFields | 'form', PlanActionError>>;
export type PlanActionValidation = { ok: true; value: PlanActionFields } | { ok: false; errors: PlanActionErrors };

const KNOWN: ReadonlySet<string> = new Set(PLAN_ACTION_ERRORS);

/** Checks an action before it is saved or accepted, including the rules between status and outcome. */
export function validatePlanAction(profile: ProtocolProfile, raw: unknown): PlanActionValidation {
  const parsed = planActionFieldsSchema.safeParse(raw);
  const errors: PlanActionErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.length === 0 ? 'form' : (String(issue.path[0]) as keyof PlanActionFields);
      errors[field] ??= (KNOWN.has(issue.message) ? issue.message : 'invalid') as PlanActionError;
    }
    return { ok: false, errors };
  }
  const action = parsed.data;
  if (!profile.interventions.includes(action.interventionType)) errors.interventionType = 'notInProfile';
  if (action.status === 'done' && action.outcome === null) errors.outcome = 'outcomeRequired';
  if (action.status !== 'done' && action.outcome !== null) errors.outcome = 'outcomeNotExpected';
  const finished = action.status === 'done' || action.status === 'cancelled';
  if (finished && action.completedAt === null) errors.completedAt = 'required';
  if (!finished && action.completedAt !== null) errors.completedAt = 'invalid';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: action };
}
