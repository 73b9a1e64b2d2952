/**
 * A fresh, migrated database for each test server, on the engine the vitest
 * project names: the `server` project uses SQLite files, `server-postgres`
 * (URA_TEST_ENGINE=postgres) a schema of its own in URA_TEST_DATABASE_URL.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, escapeIdentifier } from 'pg';
import { migrateToLatest } from '../../src/server/database/migrateToLatest.ts';
import { openDatabase, type AppDatabase, type OpenDatabaseOptions } from '../../src/server/database/openDatabase.ts';

export type TestEngine = 'sqlite' | 'postgres';

export const TEST_ENGINE: TestEngine = process.env.URA_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export interface FreshDatabase {
  db: AppDatabase;
  /** Where `db` lives; open it again with `openDatabase(target)`. */
  target: OpenDatabaseOptions;
  /** The SQLite file, or '' on PostgreSQL (use `target`). */
  file: string;
  /** Destroys `db` (if still open) and deletes its data: the folder, or the schema. */
  drop: () => Promise<void>;
}

/** The PostgreSQL server the tests may use; only the `server-postgres` project sets it. */
export function testDatabaseUrl(): string {
  const url = process.env.URA_TEST_DATABASE_URL;
  if (url === undefined || url === '') {
    throw new Error('URA_TEST_DATABASE_URL is not set: run the tests through scripts/withPostgres.sh');
  }
  return url;
}

export async function openFreshDatabase(): Promise<FreshDatabase> {
  return migrated(TEST_ENGINE === 'postgres' ? await freshPostgresSchema() : freshSqliteFile());
}

/** A fresh, migrated SQLite file whatever the project: for tests of what only SQLite has (plans, pragmas). */
export function openFreshSqliteDatabase(): Promise<FreshDatabase> {
  return migrated(freshSqliteFile());
}

async function migrated(fresh: FreshDatabase): Promise<FreshDatabase> {
  try {
    await migrateToLatest(fresh.db);
  } catch (error) {
    // The caller never gets `drop`, so clean up here rather than leave a schema behind.
    await fresh.drop();
    throw error;
  }
  return fresh;
}

function freshSqliteFile(): FreshDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'ura-server-test-'));
  const file = join(dir, 'ura.sqlite');
  const db = openDatabase({ file });
  return {
    db,
    target: { file },
    file,
    drop: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A schema per test server: test files run in parallel against one database without seeing each other. */
async function freshPostgresSchema(): Promise<FreshDatabase> {
  const url = testDatabaseUrl();
  const schema = `ura_test_${randomBytes(8).toString('hex')}`;
  await runAsAdmin(url, `create schema ${escapeIdentifier(schema)}`);
  const target = { url, schema };
  const db = openDatabase(target);
  return {
    db,
    target,
    file: '',
    drop: async () => {
      await db.destroy();
      await runAsAdmin(url, `drop schema ${escapeIdentifier(schema)} cascade`);
    },
  };
}

/** A statement outside any app pool (creating or dropping a test schema). */
export async function runAsAdmin(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
