import type { Kysely } from 'kysely';

/**
 * record_scope by school, then class: a homeroom teacher's pull finds their
 * classes' records with it and looks those up in change_log_record
 * (src/server/sync/scopeFilter.ts, "narrow scopes") instead of reading a
 * whole school's records, or every row written since their cursor.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('record_scope_class').on('record_scope').columns(['school_id', 'class_key']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('record_scope_class').execute();
}
