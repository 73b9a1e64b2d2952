/**
 * Everything that is specific to SQLite lives here; postgresEngine.ts is its
 * PostgreSQL sibling and databaseEngine.ts picks between them.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteDialect, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

const BUSY_TIMEOUT_MS = 5000;

export function createSqliteDialect(file: string): SqliteDialect {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets pulls read while a push writes; FULL fsyncs every commit, so a
  // push the server has acknowledged survives a power cut or a hard kill.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return new SqliteDialect({ database: sqlite });
}

/**
 * The change-log sequence column. In SQLite an INTEGER PRIMARY KEY is the rowid
 * (already indexed), and AUTOINCREMENT guarantees a seq is never reused, even
 * after the newest rows are deleted.
 */
export function sqliteSequencePrimaryKey(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return column.primaryKey().autoIncrement();
}

/**
 * Runs `work` in a transaction that takes the write lock up front
 * (BEGIN IMMEDIATE), so writers queue one at a time and change-log sequence
 * numbers become visible in commit order — the pull cursor relies on that.
 * A deferred BEGIN could also fail with SQLITE_BUSY when upgrading a read lock.
 */
export async function inSqliteWriteTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}
