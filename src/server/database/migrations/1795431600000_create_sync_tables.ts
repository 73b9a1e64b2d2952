import type { Kysely } from 'kysely';
import { sequenceColumn } from '../databaseEngine.ts';

/** The three tables behind sync: idempotency, current field values and the change log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('applied_mutation')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('client_id', 'text', (column) => column.notNull())
    .addColumn('entity', 'text', (column) => column.notNull())
    .addColumn('entity_id', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('code', 'text')
    .addColumn('received_at', 'bigint', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('entity_field')
    .addColumn('entity', 'text', (column) => column.notNull())
    .addColumn('entity_id', 'text', (column) => column.notNull())
    .addColumn('field', 'text', (column) => column.notNull())
    .addColumn('value_json', 'text', (column) => column.notNull())
    .addColumn('hlc', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('entity_field_pk', ['entity', 'entity_id', 'field'])
    .execute();

  // `seq` is the primary key, which is the index pulls range-scan (seq > cursor).
  // On SQLite this is still `integer primary key autoincrement`, as first released.
  const seq = sequenceColumn(db);
  await db.schema
    .createTable('change_log')
    .addColumn('seq', seq.dataType, seq.build)
    .addColumn('entity', 'text', (column) => column.notNull())
    .addColumn('entity_id', 'text', (column) => column.notNull())
    .addColumn('field', 'text', (column) => column.notNull())
    .addColumn('value_json', 'text', (column) => column.notNull())
    .addColumn('hlc', 'text', (column) => column.notNull())
    .addColumn('mutation_id', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('change_log').execute();
  await db.schema.dropTable('entity_field').execute();
  await db.schema.dropTable('applied_mutation').execute();
}
