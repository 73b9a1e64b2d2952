import { z } from 'zod';
import { isIsoDate } from '../dueDates.ts';
import { ID_PATTERN } from '../student.ts';
import {
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  MAP_ERRORS,
  MAP_PLAN_STATUSES,
  MAX_BUDGET,
  MAX_INDICATOR_VALUE,
  MAX_NARRATIVE,
  MAX_REFERENCE,
  MAX_TITLE,
  QUARTER_PATTERN,
  UNIT_OF_SOURCE,
  type MapActivityFields,
  type MapError,
  type MapGoalFields,
  type MapPlanFields,
  type MapProgressFields,
} from './mapRecords.ts';

/**
 * Validation of the Municipal Action Plan's records for the forms and the
 * server (the sync protocol's ENTITY_RULES use the schemas), apart from
 * mapRecords.ts so zod loads lazily. Messages are MapError codes the screens
 * translate, each on the field it is about.
 */
const id = z.string().regex(ID_PATTERN, 'required');
const isoDate = z.string().refine(isIsoDate, 'invalidDate');
const isoDateOrNull = z.union([isoDate, z.null()], 'invalidDate');
const title = z.string().trim().min(1, 'required').max(MAX_TITLE, 'tooLong');
const amount = (max: number) =>
  z.union([z.number('invalidNumber').min(0, 'invalidNumber').max(max, 'invalidNumber'), z.null()], 'invalidNumber');

export const mapPlanFieldsSchema = z.strictObject({
  municipalityId: id,
  title,
  periodStart: isoDate,
  periodEnd: isoDate,
  status: z.enum(MAP_PLAN_STATUSES, 'invalidChoice'),
  actReference: z.string().trim().max(MAX_REFERENCE, 'tooLong'),
  adoptedOn: isoDateOrNull,
});

export const mapGoalFieldsSchema = z.strictObject({
  planId: id,
  title,
  position: z.number().int('invalidNumber').min(1, 'invalidNumber').max(1000, 'invalidNumber'),
  removed: z.boolean('invalid'),
});

export const mapActivityFieldsSchema = z.strictObject({
  planId: id,
  goalId: id,
  title,
  responsible: z.string().trim().min(1, 'required').max(MAX_TITLE, 'tooLong'),
  startDate: isoDateOrNull,
  endDate: isoDateOrNull,
  budget: amount(MAX_BUDGET),
  indicator: z.string().trim().min(1, 'required').max(MAX_TITLE, 'tooLong'),
  indicatorSource: z.enum(INDICATOR_SOURCES, 'invalidChoice'),
  unit: z.enum(INDICATOR_UNITS, 'invalidChoice'),
  baseline: amount(MAX_INDICATOR_VALUE),
  target: amount(MAX_INDICATOR_VALUE),
  removed: z.boolean('invalid'),
});

export const mapProgressFieldsSchema = z.strictObject({
  planId: id,
  activityId: id,
  period: z.string().regex(QUARTER_PATTERN, 'invalidChoice'),
  value: amount(MAX_INDICATOR_VALUE),
  narrative: z.string().trim().max(MAX_NARRATIVE, 'tooLong'),
  recordedBy: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  recordedAt: z.iso.datetime(),
});

// Compile-time checks that the schemas and the interfaces agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [
  Same<z.infer<typeof mapPlanFieldsSchema>, MapPlanFields>,
  Same<z.infer<typeof mapGoalFieldsSchema>, MapGoalFields>,
  Same<z.infer<typeof mapActivityFieldsSchema>, MapActivityFields>,
  Same<z.infer<typeof mapProgressFieldsSchema>, MapProgressFields>,
] = [true, true, true, true];
void agree;

export type MapErrors<F> = Partial<Record<keyof F | 'form', MapError>>;
export type MapValidation<F> = { ok: true; value: F } | { ok: false; errors: MapErrors<F> };

const KNOWN: ReadonlySet<string> = new Set(MAP_ERRORS);

function parse<F>(schema: z.ZodType<F>, raw: unknown): MapValidation<F> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: MapErrors<F> = {};
  for (const issue of parsed.error.issues) {
    const field = (issue.path.length === 0 ? 'form' : String(issue.path[0])) as keyof F | 'form';
    errors[field] ??= (KNOWN.has(issue.message) ? issue.message : 'invalid') as MapError;
  }
  return { ok: false, errors };
}

function done<F>(value: F, errors: MapErrors<F>): MapValidation<F> {
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** A plan: its period in order; adopted only with the act's reference and date, a draft with neither. */
export function validateMapPlan(raw: unknown): MapValidation<MapPlanFields> {
  const parsed = parse(mapPlanFieldsSchema, raw);
  if (!parsed.ok) return parsed;
  const plan = parsed.value;
  const errors: MapErrors<MapPlanFields> = {};
  if (plan.periodEnd < plan.periodStart) errors.periodEnd = 'endBeforeStart';
  if (plan.status === 'adopted') {
    if (plan.actReference === '') errors.actReference = 'adoptionRequired';
    if (plan.adoptedOn === null) errors.adoptedOn = 'adoptionRequired';
  } else if (plan.adoptedOn !== null) errors.adoptedOn = 'notExpected';
  return done(plan, errors);
}

export function validateMapGoal(raw: unknown): MapValidation<MapGoalFields> {
  return parse(mapGoalFieldsSchema, raw);
}

/** An activity: dates in order, a percentage at most 100, and an automatic indicator in its own unit. */
export function validateMapActivity(raw: unknown): MapValidation<MapActivityFields> {
  const parsed = parse(mapActivityFieldsSchema, raw);
  if (!parsed.ok) return parsed;
  const activity = parsed.value;
  const errors: MapErrors<MapActivityFields> = {};
  if (activity.startDate !== null && activity.endDate !== null && activity.endDate < activity.startDate) {
    errors.endDate = 'endBeforeStart';
  }
  if (activity.indicatorSource !== 'manual' && activity.unit !== UNIT_OF_SOURCE[activity.indicatorSource]) {
    errors.unit = 'invalidChoice';
  }
  if (activity.unit === 'percent') {
    if (activity.baseline !== null && activity.baseline > 100) errors.baseline = 'invalidNumber';
    if (activity.target !== null && activity.target > 100) errors.target = 'invalidNumber';
  }
  return done(activity, errors);
}

export function validateMapProgress(raw: unknown): MapValidation<MapProgressFields> {
  return parse(mapProgressFieldsSchema, raw);
}
