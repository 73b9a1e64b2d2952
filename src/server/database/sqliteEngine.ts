/**
 * Everything that is specific to SQLite lives here; postgresEngine.ts is its
 * PostgreSQL sibling and databaseEngine.ts picks between them.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteDialect, sql, type ColumnDefinitionBuilder, type Kysely, type SqliteDatabase } from 'kysely';

const BUSY_TIMEOUT_MS = 5000;
/** Prepared statements kept, by their SQL text: a sync runs about thirty, most of them the same every time. */
const CACHED_STATEMENTS = 256;

export function createSqliteDialect(file: string): SqliteDialect {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets pulls read while a push writes; FULL fsyncs every commit, so a
  // push the server has acknowledged survives a power cut or a hard kill.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return new SqliteDialect({ database: withStatementCache(sqlite) });
}

/**
 * `sqlite` whose prepared statements are kept and reused, the least recently
 * used dropped beyond `size`. Kysely prepares every query it runs; preparing
 * took about a millisecond of each sync's few milliseconds (docs/benchmarks.md).
 * A statement still iterating (a streamed query) cannot run again until it
 * ends, so a caller asking for it meanwhile gets a fresh one.
 */
export function withStatementCache(sqlite: Database.Database, size = CACHED_STATEMENTS): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      const cached = cache.get(text);
      if (cached !== undefined && !cached.busy) {
        // Map keeps insertion order: moving it to the end keeps the least recently used first.
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = sqlite.prepare(text);
      if (cached !== undefined) return statement;
      cache.set(text, statement);
      const oldest = cache.keys().next();
      if (cache.size > size && oldest.done !== true) cache.delete(oldest.value);
      return statement;
    },
  };
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
