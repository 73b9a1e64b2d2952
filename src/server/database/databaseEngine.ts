/**
 * The engine-neutral face of the database: migrations and the sync code call
 * these, and each picks the SQLite or PostgreSQL way from the connection itself.
 */
import { PostgresAdapter, type ColumnDataType, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { inPostgresWriteTransaction, postgresSequencePrimaryKey } from './postgresEngine.ts';
import { inSqliteWriteTransaction, sqliteSequencePrimaryKey } from './sqliteEngine.ts';

export type DatabaseEngine = 'sqlite' | 'postgres';

/**
 * Read from the dialect's adapter rather than remembered per `Kysely` object:
 * transactions and the migrator's connections are other objects that share it.
 */
export function engineOf<DB>(db: Kysely<DB>): DatabaseEngine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Runs `work` in a write transaction in which change-log sequence numbers
 * become visible in commit order — the pull cursor relies on it. Writers queue
 * one at a time on both engines; readers are never blocked.
 */
export async function inWriteTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return engineOf(db) === 'postgres' ? inPostgresWriteTransaction(db, work) : inSqliteWriteTransaction(db, work);
}

export interface SequenceColumn {
  dataType: ColumnDataType;
  build: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
}

/**
 * The change-log `seq` column: SQLite's INTEGER PRIMARY KEY AUTOINCREMENT (the
 * type must be exactly `integer` to become the rowid), PostgreSQL's bigint identity.
 */
export function sequenceColumn<DB>(db: Kysely<DB>): SequenceColumn {
  return engineOf(db) === 'postgres'
    ? { dataType: 'bigint', build: postgresSequencePrimaryKey }
    : { dataType: 'integer', build: sqliteSequencePrimaryKey };
}
