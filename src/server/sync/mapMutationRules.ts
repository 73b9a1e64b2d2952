/**
 * What the server checks of a Municipal Action Plan mutation beyond its shape
 * and the existence of what it names (docs/sync.md, "Municipal Action Plan"):
 *
 * - A record never moves: a plan keeps its municipality, and a goal, activity
 *   or progress entry keeps its plan. Its place in record_scope, and so who
 *   reads it, hangs on these; a coordinator of two municipalities could
 *   otherwise carry a plan, with its whole history, from one to the other.
 * - The record as it will be passes the same rules as the app's forms
 *   (src/domain/map/mapValidation.ts): a period in order, an adopted plan with
 *   its act's reference and date, a percentage at most 100.
 * - An activity's goal and a progress entry's activity belong to the same
 *   plan: naming another plan's would tie two plans (perhaps two
 *   municipalities) together.
 *
 * All three are `invalid_fields`: they are wrong whoever writes them (unlike
 * `forbidden`, which says the user may not), and a goal of another
 * municipality's plan then gets the same answer as a goal that does not
 * exist, so nobody learns what lies outside their scope.
 */
import type { Kysely } from 'kysely';
import {
  validateMapActivity,
  validateMapGoal,
  validateMapPlan,
  validateMapProgress,
} from '../../domain/map/mapValidation.ts';
import type { MapEntity, Mutation, RejectionCode } from '../../sync/protocol.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import type { StoredFields } from './fieldStore.ts';
import { isMapEntity, KEY_FIELDS, readFieldValues } from './recordKeys.ts';

const VALIDATORS: Readonly<Record<MapEntity, (raw: unknown) => { ok: boolean }>> = {
  mapPlan: validateMapPlan,
  mapGoal: validateMapGoal,
  mapActivity: validateMapActivity,
  mapProgress: validateMapProgress,
};

/** The record a record of this type hangs under within its plan, by the field that names it. */
const SAME_PLAN_PARENTS: Readonly<Partial<Record<MapEntity, { field: string; entity: MapEntity }>>> = {
  mapActivity: { field: 'goalId', entity: 'mapGoal' },
  mapProgress: { field: 'activityId', entity: 'mapActivity' },
};

/** Why a MAP mutation can never apply, or undefined when it may (authorisation is judged after). */
export async function checkMapMutation(
  trx: Kysely<DatabaseSchema>,
  mutation: Mutation,
  stored: StoredFields,
): Promise<RejectionCode | undefined> {
  const { entity } = mutation;
  if (!isMapEntity(entity)) return undefined;
  const fields: Readonly<Record<string, unknown>> = mutation.fields;
  const held = Object.fromEntries([...stored].map(([field, value]) => [field, JSON.parse(value.valueJson) as unknown]));
  if (mutation.op === 'set' && movesRecord(entity, fields, held)) return 'invalid_fields';
  const after = mutation.op === 'create' ? fields : { ...held, ...definedOnly(fields) };
  if (!VALIDATORS[entity](after).ok) return 'invalid_fields';
  if (!(await withinOnePlan(trx, entity, after))) return 'invalid_fields';
  return undefined;
}

function movesRecord(
  entity: MapEntity,
  fields: Readonly<Record<string, unknown>>,
  held: Readonly<Record<string, unknown>>,
): boolean {
  return (KEY_FIELDS[entity] ?? []).some((field) => fields[field] !== undefined && fields[field] !== held[field]);
}

function definedOnly(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

async function withinOnePlan(
  trx: Kysely<DatabaseSchema>,
  entity: MapEntity,
  record: Readonly<Record<string, unknown>>,
): Promise<boolean> {
  const parent = SAME_PLAN_PARENTS[entity];
  if (parent === undefined) return true;
  const parentId = record[parent.field];
  if (typeof parentId !== 'string') return false;
  const { planId } = await readFieldValues(trx, parent.entity, parentId, ['planId']);
  return planId !== undefined && planId === record.planId;
}
