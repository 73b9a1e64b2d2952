import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { engineOf } from './databaseEngine.ts';
import { currentPostgresSchema } from './postgresEngine.ts';
import * as createSyncTables from './migrations/1795431600000_create_sync_tables.ts';
import * as changeLogClient from './migrations/1795435200000_change_log_client.ts';
import * as entityFieldClient from './migrations/1795438800000_entity_field_client.ts';
import * as accountsAndScopes from './migrations/1795442400000_accounts_and_scopes.ts';
import * as deviceRecoverySecret from './migrations/1795446000000_device_recovery_secret.ts';
import * as auditEventMunicipality from './migrations/1795449600000_audit_event_municipality.ts';
import * as exportReceipt from './migrations/1795453260000_export_receipt.ts';
import * as recordScopeMunicipality from './migrations/1795456860000_record_scope_municipality.ts';
import * as changeLogRecordIndex from './migrations/1795460460000_change_log_record_index.ts';
import * as recordScopeClassIndex from './migrations/1795464060000_record_scope_class_index.ts';

/**
 * Every migration, listed in code rather than read from a folder, so the
 * compiled server and the tests (running the TypeScript) find the same set.
 * Names sort by their epoch prefix; never rename or edit a released one.
 */
const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '1795431600000_create_sync_tables': createSyncTables,
  '1795435200000_change_log_client': changeLogClient,
  '1795438800000_entity_field_client': entityFieldClient,
  '1795442400000_accounts_and_scopes': accountsAndScopes,
  '1795446000000_device_recovery_secret': deviceRecoverySecret,
  '1795449600000_audit_event_municipality': auditEventMunicipality,
  '1795453260000_export_receipt': exportReceipt,
  '1795456860000_record_scope_municipality': recordScopeMunicipality,
  '1795460460000_change_log_record_index': changeLogRecordIndex,
  '1795464060000_record_scope_class_index': recordScopeClassIndex,
};

const inCodeProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

/** Brings the schema up to date; throws when a migration fails (the server must not start half-migrated). */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  // Kysely looks for its bookkeeping tables in every schema it can see; on PostgreSQL
  // another schema's (another app's, or a test's) would make it skip creating ours.
  const schema = engineOf(db) === 'postgres' ? await currentPostgresSchema(db) : undefined;
  const migrator = new Migrator({
    db,
    provider: inCodeProvider,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
}
