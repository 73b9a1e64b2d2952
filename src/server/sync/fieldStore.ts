/**
 * The one write path for record fields, shared by client mutations and the
 * server's own seed: a field is written only when its HLC beats the stored one,
 * every write is appended to the change log that pulls read, and the record's
 * place (record_scope) follows its key fields.
 */
import type { Kysely } from 'kysely';
import type { AccessScope } from '../../domain/accessScope.ts';
import type { Entity } from '../../sync/protocol.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { keepRecordScope } from './recordScope.ts';

/** A stored field's current value (as JSON), the HLC that wrote it and the device that made it. */
export interface StoredField {
  hlc: string;
  valueJson: string;
  clientId: string | null;
}

/** Each stored field of a record; empty when the record does not exist. */
export type StoredFields = ReadonlyMap<string, StoredField>;

export async function readStoredFields(
  db: Kysely<DatabaseSchema>,
  entity: Entity,
  entityId: string,
): Promise<StoredFields> {
  const rows = await db
    .selectFrom('entity_field')
    .select(['field', 'hlc', 'value_json', 'client_id'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .execute();
  return new Map(rows.map((row) => [row.field, { hlc: row.hlc, valueJson: row.value_json, clientId: row.client_id }]));
}

export async function recordExists(db: Kysely<DatabaseSchema>, entity: Entity, entityId: string): Promise<boolean> {
  const row = await db
    .selectFrom('entity_field')
    .select('field')
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface FieldWrite {
  entity: Entity;
  entityId: string;
  /** Field name → value; any plain object (typed records such as StudentFields included). */
  fields: object;
  hlc: string;
  mutationId: string | null;
  /** The device that made the change; null for the server's own writes. */
  clientId: string | null;
  /** The pushing user's scope, for a device's write: a move it makes then skips that device when it may. */
  writerScope?: AccessScope;
}

/**
 * Writes each field whose stored HLC is older than `write.hlc` (HLC strings sort
 * by time, then counter, then node). A field with an equal or newer stored HLC
 * is left alone: the later write already won. Returns the names written.
 */
export async function writeWinningFields(
  db: Kysely<DatabaseSchema>,
  write: FieldWrite,
  stored: StoredFields,
): Promise<string[]> {
  const rows = [];
  for (const [field, value] of Object.entries(write.fields) as [string, unknown][]) {
    if (value === undefined) continue;
    const storedHlc = stored.get(field)?.hlc;
    if (storedHlc !== undefined && write.hlc <= storedHlc) continue;
    rows.push({
      entity: write.entity,
      entity_id: write.entityId,
      field,
      value_json: JSON.stringify(value),
      hlc: write.hlc,
      client_id: write.clientId,
    });
  }
  if (rows.length === 0) return [];
  // Two statements per write, not two per field: under load every statement is time in the write lock.
  await db
    .insertInto('entity_field')
    .values(rows)
    .onConflict((conflict) =>
      conflict.columns(['entity', 'entity_id', 'field']).doUpdateSet((eb) => ({
        value_json: eb.ref('excluded.value_json'),
        hlc: eb.ref('excluded.hlc'),
        client_id: eb.ref('excluded.client_id'),
      })),
    )
    .execute();
  await db
    .insertInto('change_log')
    .values(rows.map((row) => ({ ...row, mutation_id: write.mutationId })))
    .execute();
  const written = rows.map((row) => row.field);
  // In the same transaction as the fields, so no pull sees the record without its place.
  await keepRecordScope(db, write, stored, written);
  return written;
}
