import type { Kysely } from 'kysely';

/**
 * The change log by record, then seq: a pull for a few cases (a mentor's)
 * looks up those records' rows after the cursor instead of reading every row
 * every other device wrote since it (src/server/sync/scopeFilter.ts, "narrow
 * scopes"). Built once over the existing log when the server starts on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('change_log_record').on('change_log').columns(['entity', 'entity_id', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('change_log_record').execute();
}
