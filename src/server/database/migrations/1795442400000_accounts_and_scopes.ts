import type { Kysely } from 'kysely';
import { sequenceColumn } from '../databaseEngine.ts';
import type { DatabaseSchema } from '../databaseSchema.ts';
import { rebuildRecordScopes } from '../../sync/recordScope.ts';

/**
 * Accounts (people, organisations, roles, sessions, devices, invitations),
 * the audit trail, and where each child-data record belongs (record_scope),
 * filled here for the records already stored. See docs/accounts.md.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createScopeTables(db);
  await createAccountTables(db);
  await createSessionTables(db);
  const seq = sequenceColumn(db);
  await db.schema
    .createTable('audit_event')
    .addColumn('id', seq.dataType, seq.build)
    .addColumn('at', 'bigint', (column) => column.notNull())
    .addColumn('user_id', 'text')
    .addColumn('client_id', 'text')
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('entity', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('detail_json', 'text')
    .execute();
  await db.schema.createIndex('audit_event_at').on('audit_event').column('at').execute();
  await rebuildRecordScopes(db as unknown as Kysely<DatabaseSchema>);
}

async function createScopeTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('record_scope')
    .addColumn('entity', 'text', (column) => column.notNull())
    .addColumn('entity_id', 'text', (column) => column.notNull())
    .addColumn('school_id', 'text')
    .addColumn('class_key', 'text')
    .addColumn('student_id', 'text')
    .addColumn('case_id', 'text')
    .addPrimaryKeyConstraint('record_scope_pk', ['entity', 'entity_id'])
    .execute();
  for (const column of ['school_id', 'student_id', 'case_id'] as const) {
    await db.schema.createIndex(`record_scope_${column}`).on('record_scope').column(column).execute();
  }
}

async function createAccountTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisation')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('municipality_id', 'text')
    .addColumn('school_id', 'text')
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('login', 'text', (column) => column.notNull().unique())
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('organisation_id', 'text')
    .addColumn('locale', 'text', (column) => column.notNull())
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .addColumn('disabled_at', 'bigint')
    .addColumn('failed_sign_ins', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('locked_until', 'bigint')
    .addColumn('scope_version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('role_assignment')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('school_id', 'text')
    .addColumn('municipality_id', 'text')
    .addColumn('class_key', 'text')
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('role_assignment_user').on('role_assignment').column('user_id').execute();
  await db.schema
    .createTable('case_assignment')
    .addColumn('case_id', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('assigned_at', 'bigint', (column) => column.notNull())
    .addColumn('assigned_by', 'text')
    .addPrimaryKeyConstraint('case_assignment_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema.createIndex('case_assignment_user').on('case_assignment').column('user_id').execute();
}

async function createSessionTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session')
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('client_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .addColumn('last_used_at', 'bigint', (column) => column.notNull())
    .addColumn('expires_at', 'bigint', (column) => column.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('session_user').on('session').column('user_id').execute();
  await db.schema
    .createTable('device')
    .addColumn('client_id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('first_seen_at', 'bigint', (column) => column.notNull())
    .addColumn('last_seen_at', 'bigint', (column) => column.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema
    .createTable('invitation')
    .addColumn('code_hash', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .addColumn('expires_at', 'bigint', (column) => column.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_event',
    'invitation',
    'device',
    'session',
    'case_assignment',
    'role_assignment',
    'app_user',
    'organisation',
    'record_scope',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
