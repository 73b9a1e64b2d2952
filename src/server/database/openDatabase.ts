import { join } from 'node:path';
import { Kysely } from 'kysely';
import type { DatabaseSchema } from './databaseSchema.ts';
import { createPostgresDialect, isPostgresUrl, type PostgresTarget } from './postgresEngine.ts';
import { createSqliteDialect } from './sqliteEngine.ts';

export interface SqliteTarget {
  /** Path of the SQLite file; its folder is created when missing. */
  file: string;
}

/** A SQLite file, or a PostgreSQL server (`url`, optionally a `schema`) reached through the same queries. */
export type OpenDatabaseOptions = SqliteTarget | PostgresTarget;

export type AppDatabase = Kysely<DatabaseSchema>;

/** Opens (or creates) the database. Call `migrateToLatest` before use and `destroy()` when done. */
export function openDatabase(options: OpenDatabaseOptions): AppDatabase {
  const dialect = 'url' in options ? createPostgresDialect(options) : createSqliteDialect(options.file);
  return new Kysely<DatabaseSchema>({ dialect });
}

/**
 * `DATABASE_URL` (postgres:// or postgresql://) selects PostgreSQL; without it,
 * `<dataDir>/ura.sqlite`. Any other URL is refused rather than ignored: a typo
 * must not quietly send a deployment's data to a local SQLite file.
 */
export function databaseTargetFromEnv(env: NodeJS.ProcessEnv, dataDir: string): OpenDatabaseOptions {
  const url = env.DATABASE_URL?.trim() ?? '';
  if (url === '') return { file: join(dataDir, 'ura.sqlite') };
  if (!isPostgresUrl(url)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql:// (unset it to use SQLite)');
  }
  return { url };
}

/** Where the data lives, for the start-up line: never the user name or password of a URL. */
export function describeTarget(target: OpenDatabaseOptions): string {
  if (!('url' in target)) return `SQLite file ${target.file}`;
  try {
    const url = new URL(target.url);
    const host = decodeURIComponent(url.host) || 'the local socket';
    return `PostgreSQL database ${decodeURIComponent(url.pathname.slice(1)) || '(default)'} on ${host}`;
  } catch {
    // pg accepts some URLs the WHATWG parser does not; this line is only informative.
    return 'PostgreSQL';
  }
}
