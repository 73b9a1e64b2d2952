import type { Kysely } from 'kysely';

/**
 * One row per export a device reported (src/server/audit/exportAudit.ts):
 * its id is the device's, so the same export sent again — its reply lost on
 * a rural link — is recognised and never audited twice. Holds no child data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('export_receipt')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('received_at', 'bigint', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('export_receipt').execute();
}
