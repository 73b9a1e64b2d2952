/**
 * Everything that is specific to PostgreSQL lives here (the sibling of
 * sqliteEngine.ts): the sync code and the migrations stay engine-neutral.
 */
import { PostgresDialect, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { Pool, TypeOverrides } from 'pg';

/** PostgreSQL's type id of int8 (bigint), which node-postgres returns as a string by default. */
const INT8_TYPE_ID = 20;
/** How long a push waits for the write lock, as SQLite's busy_timeout; then it fails and the device retries. */
const WRITE_LOCK_TIMEOUT_MS = 5000;
/** A schema name that needs no quoting, so it can go into `search_path` as it is. */
const PLAIN_SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresTarget {
  /** postgres:// or postgresql:// URL, credentials included. */
  url: string;
  /** The schema the tables live in; PostgreSQL's default search path when absent. */
  schema?: string;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * int8 values (change-log seqs, `received_at`, `count(*)`) come back as JS
 * numbers, as they do from SQLite. The seq and epoch milliseconds stay far below
 * 2^53; a value beyond it would silently lose precision, so it throws instead.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} does not fit a JS number`);
  return value;
}

export function createPostgresDialect(target: PostgresTarget): PostgresDialect {
  if (!isPostgresUrl(target.url)) throw new Error('a PostgreSQL URL starts with postgres:// or postgresql://');
  const { schema } = target;
  if (schema !== undefined && !PLAIN_SCHEMA_NAME.test(schema)) {
    throw new Error(`schema name must be lower-case letters, digits and _: ${JSON.stringify(schema)}`);
  }
  // Per-pool parsers rather than pg.types.setTypeParser: nothing global changes.
  const types = new TypeOverrides();
  types.setTypeParser(INT8_TYPE_ID, parseInt8);
  const pool = new Pool({
    connectionString: target.url,
    types,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle connection the server drops (a restart, a timeout) emits 'error' on the
  // pool; without a listener Node would stop the whole server. The pool replaces it.
  pool.on('error', (error) => {
    console.warn('PostgreSQL dropped an idle connection:', error.message);
  });
  return new PostgresDialect({ pool });
}

/** The schema unqualified table names resolve to: the first schema of `search_path` that exists. */
export async function currentPostgresSchema<DB>(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (schema === undefined || schema === null) {
    throw new Error('PostgreSQL has no current schema: does the schema in search_path exist?');
  }
  return schema;
}

/**
 * The change-log sequence column: a bigint identity (GENERATED ALWAYS, so no
 * insert can pick its own seq). Identity sequences never reuse a value, like
 * SQLite's AUTOINCREMENT; a rolled-back transaction leaves a gap, which pulls skip.
 */
export function postgresSequencePrimaryKey(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return column.primaryKey().generatedAlwaysAsIdentity();
}

/**
 * Runs `work` in a transaction that first takes `change_log` in EXCLUSIVE mode.
 *
 * PostgreSQL hands out sequence values at insert time, not at commit, so two
 * concurrent writers can commit seqs out of order: a pull between the two commits
 * would see seq 8, move its cursor there, and never see seq 7 (sync-design §2).
 * EXCLUSIVE conflicts with itself and with the ROW EXCLUSIVE lock every insert
 * takes, but not with the ACCESS SHARE lock of a plain SELECT: writers queue one
 * at a time — exactly as BEGIN IMMEDIATE does on SQLite — while pulls keep
 * reading. A table lock (rather than an advisory lock) also stops any writer
 * that forgot to come through here, instead of letting it slip past.
 *
 * Because the lock is the transaction's first statement, every later statement
 * (READ COMMITTED takes a fresh snapshot per statement) sees all earlier writers'
 * commits, so the "was this mutation received before?" and "is my HLC newer?"
 * checks cannot race either.
 */
export async function inPostgresWriteTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    // Without a timeout a queue of pushes behind a stuck one would hold every pooled connection.
    await sql`set local lock_timeout = ${sql.lit(WRITE_LOCK_TIMEOUT_MS)}`.execute(trx);
    await sql`lock table change_log in exclusive mode`.execute(trx);
    return work(trx);
  });
}
