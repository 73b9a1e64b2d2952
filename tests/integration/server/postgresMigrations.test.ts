/** Opening and migrating a PostgreSQL database. Runs in `server-postgres` only. */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { escapeIdentifier } from 'pg';
import { describe, expect, it } from 'vitest';
import { APP_TABLES } from '../../../src/server/database/databaseSchema.ts';
import { migrateToLatest } from '../../../src/server/database/migrateToLatest.ts';
import { openDatabase, type AppDatabase } from '../../../src/server/database/openDatabase.ts';
import { createTempDatabase } from '../../support/serverFixtures.ts';
import { runAsAdmin, testDatabaseUrl } from '../../support/serverTestDatabase.ts';

async function tablesInCurrentSchema(db: AppDatabase): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() order by table_name`.execute(db);
  return rows.map((row) => row.table_name);
}

const EXPECTED_TABLES = [...APP_TABLES, 'kysely_migration', 'kysely_migration_lock'].sort();

describe('migrating PostgreSQL', () => {
  it("creates every table in its own schema although another schema already holds Kysely's tables", async () => {
    const first = await createTempDatabase();
    try {
      const second = await createTempDatabase();
      try {
        expect(await tablesInCurrentSchema(second.db)).toEqual(EXPECTED_TABLES);
      } finally {
        await second.cleanup();
      }
    } finally {
      await first.cleanup();
    }
  });

  it('follows a search_path given in the URL', async () => {
    const url = testDatabaseUrl();
    const schema = `ura_url_${randomBytes(6).toString('hex')}`;
    await runAsAdmin(url, `create schema ${escapeIdentifier(schema)}`);
    const separator = url.includes('?') ? '&' : '?';
    const db = openDatabase({ url: `${url}${separator}options=-c%20search_path%3D${schema}` });
    try {
      await migrateToLatest(db);
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
      expect(rows[0]?.schema).toBe(schema);
      expect(await tablesInCurrentSchema(db)).toEqual(EXPECTED_TABLES);
    } finally {
      await db.destroy();
      await runAsAdmin(url, `drop schema ${escapeIdentifier(schema)} cascade`);
    }
  });

  it('refuses a schema name that would need quoting in search_path', () => {
    expect(() => openDatabase({ url: testDatabaseUrl(), schema: 'ura; drop table change_log' })).toThrow(
      /schema name must be/,
    );
  });
});
