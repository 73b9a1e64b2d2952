import type { Kysely } from 'kysely';

/**
 * Where a Municipal Action Plan record belongs (src/server/sync/recordKeys.ts):
 * a plan's municipality, which its goals, activities and progress entries
 * share. Null on child data, which is placed by school, class, student and
 * case. Indexed: a coordinator's pull picks their municipalities' rows by it.
 * No record needs placing here: the server accepted no plan before this.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('record_scope').addColumn('municipality_id', 'text').execute();
  await db.schema.createIndex('record_scope_municipality_id').on('record_scope').column('municipality_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('record_scope_municipality_id').execute();
  await db.schema.alterTable('record_scope').dropColumn('municipality_id').execute();
}
