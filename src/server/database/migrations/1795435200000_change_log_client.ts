import type { Kysely } from 'kysely';

/**
 * Records which device made each change, so a pull can leave out the
 * caller's own writes: the device already holds them, and echoing them back
 * tripled the bytes of a push. Null for the server's own writes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('change_log').addColumn('client_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('change_log').dropColumn('client_id').execute();
}
