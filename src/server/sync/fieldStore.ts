/**
 * The one write path for record fields, shared by client mutations and the
 * server's own seed: a field is written only when its HLC beats the stored one,
 * and every write is appended to the change log that pulls read.
 */
import type { Kysely } from 'kysely';
import type { Entity } from '../../sync/protocol.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';

/** The HLC that wrote each stored field of a record; empty when the record does not exist. */
export type StoredHlcs = ReadonlyMap<string, string>;

export async function readStoredHlcs(
  db: Kysely<DatabaseSchema>,
  entity: Entity,
  entityId: string,
): Promise<StoredHlcs> {
  const rows = await db
    .selectFrom('entity_field')
    .select(['field', 'hlc'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .execute();
  return new Map(rows.map((row) => [row.field, row.hlc]));
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
}

/**
 * Writes each field whose stored HLC is older than `write.hlc` (HLC strings sort
 * by time, then counter, then node). A field with an equal or newer stored HLC
 * is left alone: the later write already won. Returns the names written.
 */
export async function writeWinningFields(
  db: Kysely<DatabaseSchema>,
  write: FieldWrite,
  stored: StoredHlcs,
): Promise<string[]> {
  const written: string[] = [];
  const entries: [string, unknown][] = Object.entries(write.fields);
  for (const [field, value] of entries) {
    if (value === undefined) continue;
    const storedHlc = stored.get(field);
    if (storedHlc !== undefined && write.hlc <= storedHlc) continue;
    const row = {
      entity: write.entity,
      entity_id: write.entityId,
      field,
      value_json: JSON.stringify(value),
      hlc: write.hlc,
    };
    await db
      .insertInto('entity_field')
      .values(row)
      .onConflict((conflict) =>
        conflict.columns(['entity', 'entity_id', 'field']).doUpdateSet({ value_json: row.value_json, hlc: row.hlc }),
      )
      .execute();
    await db
      .insertInto('change_log')
      .values({ ...row, mutation_id: write.mutationId, client_id: write.clientId })
      .execute();
    written.push(field);
  }
  return written;
}
