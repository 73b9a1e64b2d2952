/**
 * Where each child-data and Municipal Action Plan record belongs (record_scope;
 * docs/accounts.md), kept in step with every field write in the same
 * transaction, so a pull never sees a record without its place. Pulls join
 * the change log to it.
 */
import type { Insertable, Kysely } from 'kysely';
import type { AccessScope, RecordKeys } from '../../domain/accessScope.ts';
import type { Entity } from '../../sync/protocol.ts';
import type { DatabaseSchema, RecordScopeTable } from '../database/databaseSchema.ts';
import {
  isMapEntity,
  KEY_FIELDS,
  keysOf,
  readFieldValues,
  readRecordKeys,
  sameKeys,
  storedParentKeys,
  type ParentKeys,
} from './recordKeys.ts';
import { readMovedKeys, reissueMovedRecords, type MovedRoot } from './reissueMoved.ts';

export interface ScopedWrite {
  entity: Entity;
  entityId: string;
  fields: object;
  /** The device that pushed it, with its user's scope (`writerScope`): a move it makes is not echoed needlessly. */
  clientId?: string | null;
  writerScope?: AccessScope;
}

/**
 * Updates the record's row after `written` (the fields that won) were stored.
 * Only a new record or a written key field can move it; `stored` is what the
 * record held before (empty for a new one). A student or case that moves takes
 * everything under it along.
 */
export async function keepRecordScope(
  db: Kysely<DatabaseSchema>,
  write: ScopedWrite,
  stored: ReadonlyMap<string, { valueJson: string }>,
  written: readonly string[],
): Promise<void> {
  const keyFields = KEY_FIELDS[write.entity];
  if (keyFields === undefined || written.length === 0) return;
  if (stored.size > 0 && !written.some((field) => keyFields.includes(field))) return;
  const fields = write.fields as Readonly<Record<string, unknown>>;
  const values: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const field of keyFields) {
    const held = stored.get(field);
    if (written.includes(field)) values[field] = fields[field];
    else if (held !== undefined) values[field] = JSON.parse(held.valueJson) as unknown;
    else missing.push(field);
  }
  // A caller that passed no stored fields for a record that exists (the seed path) still gets the stored keys.
  Object.assign(values, await readFieldValues(db, write.entity, write.entityId, missing));
  const keys = await keysOf(write.entity, write.entityId, values, storedParentKeys(db));
  if (keys !== null) await placeRecord(db, write, keys);
}

async function placeRecord(db: Kysely<DatabaseSchema>, write: ScopedWrite, keys: RecordKeys) {
  const { entity, entityId } = write;
  if (entity !== 'student' && entity !== 'case') {
    await upsertScopes(db, [scopeRow(entity, entityId, keys)]);
    return;
  }
  const before = await readRecordKeys(db, entity, entityId);
  if (before !== undefined && sameKeys(before, keys)) return;
  const moved: MovedRoot = { entity, id: entityId };
  const { clientId, writerScope } = write;
  const echo =
    before !== undefined && typeof clientId === 'string' && writerScope !== undefined
      ? { mover: { clientId, scope: writerScope }, before: await readMovedKeys(db, moved) }
      : undefined;
  await upsertScopes(db, [scopeRow(entity, entityId, keys)]);
  // Also on a first write: records stored before their parent (out-of-order fixtures) find their place.
  if (entity === 'student') await moveStudent(db, entityId, keys);
  else await moveCase(db, entityId, keys);
  if (before !== undefined) await reissueMovedRecords(db, moved, echo);
}

/**
 * A student's school and class reach everything about the student without a
 * case (the student, screenings, clash records); the class also reaches the
 * cases (which keep their own school) and all under them. A clash on a
 * sensitive field stays without a class.
 */
async function moveStudent(db: Kysely<DatabaseSchema>, studentId: string, keys: RecordKeys): Promise<void> {
  await db
    .updateTable('record_scope')
    .set({ school_id: keys.schoolId })
    .where('student_id', '=', studentId)
    .where('case_id', 'is', null)
    .execute();
  await db
    .updateTable('record_scope')
    .set({ class_key: keys.classKey })
    .where('student_id', '=', studentId)
    .where((eb) => eb.or([eb('entity', '!=', 'conflict'), eb('class_key', 'is not', null)]))
    .execute();
}

async function moveCase(db: Kysely<DatabaseSchema>, caseId: string, keys: RecordKeys): Promise<void> {
  await db
    .updateTable('record_scope')
    .set({ school_id: keys.schoolId, class_key: keys.classKey, student_id: keys.studentId })
    .where('case_id', '=', caseId)
    .execute();
}

type ScopeRow = Insertable<RecordScopeTable>;

/**
 * Child-data rows leave municipality_id out (it stays null): the migration
 * that created the table rebuilds it through this code before the column exists.
 */
function scopeRow(entity: Entity, entityId: string, keys: RecordKeys): ScopeRow {
  return {
    entity,
    entity_id: entityId,
    school_id: keys.schoolId,
    class_key: keys.classKey,
    student_id: keys.studentId,
    case_id: keys.caseId,
    ...(isMapEntity(entity) ? { municipality_id: keys.municipalityId ?? null } : {}),
  };
}

/** Rows per insert: 7 parameters each stays far below both engines' parameter limits. */
const INSERT_CHUNK = 500;

async function upsertScopes(db: Kysely<DatabaseSchema>, rows: readonly ScopeRow[]): Promise<void> {
  // One statement names the same columns for every row, so plan rows and child-data rows go apart.
  const placed = rows.filter((row) => isMapEntity(row.entity));
  const child = rows.filter((row) => !isMapEntity(row.entity));
  for (const group of [child, placed]) {
    const byMunicipality = group === placed;
    for (let start = 0; start < group.length; start += INSERT_CHUNK) {
      await db
        .insertInto('record_scope')
        .values(group.slice(start, start + INSERT_CHUNK))
        .onConflict((conflict) =>
          conflict.columns(['entity', 'entity_id']).doUpdateSet((eb) => ({
            school_id: eb.ref('excluded.school_id'),
            class_key: eb.ref('excluded.class_key'),
            student_id: eb.ref('excluded.student_id'),
            case_id: eb.ref('excluded.case_id'),
            ...(byMunicipality ? { municipality_id: eb.ref('excluded.municipality_id') } : {}),
          })),
        )
        .execute();
    }
  }
}

/**
 * Parents before children: a case needs its student's class, a visit its case's keys, a clash its record's,
 * a goal, activity or progress entry its plan's.
 */
const REBUILD_ORDER: readonly Entity[] = [
  'student',
  'case',
  'caseEvent',
  'homeVisit',
  'planAction',
  'referral',
  'screening',
  'conflict',
  'mapPlan',
  'mapGoal',
  'mapActivity',
  'mapProgress',
];

/**
 * Fills the table from entity_field, replacing what it held: run by the
 * migration that creates it, and usable to repair it. Reads only key fields.
 */
export async function rebuildRecordScopes(db: Kysely<DatabaseSchema>): Promise<void> {
  await db.deleteFrom('record_scope').execute();
  const keyFieldNames = [...new Set(REBUILD_ORDER.flatMap((entity) => KEY_FIELDS[entity] ?? []))];
  const stored = await db
    .selectFrom('entity_field')
    .select(['entity', 'entity_id', 'field', 'value_json'])
    .where('entity', 'in', REBUILD_ORDER)
    .where('field', 'in', keyFieldNames)
    .execute();
  const values = new Map<string, Record<string, unknown>>();
  for (const row of stored) {
    const id = recordKey(row.entity, row.entity_id);
    const record = values.get(id) ?? {};
    record[row.field] = JSON.parse(row.value_json) as unknown;
    values.set(id, record);
  }
  const placed = new Map<string, RecordKeys>();
  const parentKeys: ParentKeys = (entity, id) => Promise.resolve(placed.get(recordKey(entity, id)));
  const rows: ScopeRow[] = [];
  for (const entity of REBUILD_ORDER) {
    for (const row of stored) {
      // One row per stored field: take each record once, at its first field.
      if (row.entity !== entity || placed.has(recordKey(entity, row.entity_id))) continue;
      const keys = await keysOf(entity, row.entity_id, values.get(recordKey(entity, row.entity_id)) ?? {}, parentKeys);
      if (keys === null) continue;
      placed.set(recordKey(entity, row.entity_id), keys);
      rows.push(scopeRow(entity, row.entity_id, keys));
    }
  }
  await upsertScopes(db, rows);
}

function recordKey(entity: string, id: string): string {
  return `${entity}\u0000${id}`;
}
