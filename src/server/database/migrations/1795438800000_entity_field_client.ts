import type { Kysely } from 'kysely';

/**
 * Records which device wrote each field's current value, so a write from
 * another device that had not seen it can be recorded as a clash (a device
 * overwriting its own earlier value is no clash). Null for the server's own
 * writes and for values written before this column existed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('entity_field').addColumn('client_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('entity_field').dropColumn('client_id').execute();
}
