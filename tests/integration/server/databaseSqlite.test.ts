/** What only SQLite has (pragmas, the rowid seq). Runs in the `server` project only. */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineOf } from '../../../src/server/database/databaseEngine.ts';
import type { AppDatabase } from '../../../src/server/database/openDatabase.ts';
import { openFreshSqliteDatabase, type FreshDatabase } from '../../support/serverTestDatabase.ts';

async function pragma(db: AppDatabase, name: string): Promise<unknown> {
  const result = await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(db);
  return Object.values(result.rows[0] ?? {})[0];
}

describe('the SQLite engine', () => {
  let fresh: FreshDatabase;
  let db: AppDatabase;
  beforeEach(async () => {
    // SQLite whatever the project, not the fixtures' engine.
    fresh = await openFreshSqliteDatabase();
    db = fresh.db;
  });
  afterEach(() => fresh.drop());

  it('is chosen for a file', () => {
    expect(engineOf(db)).toBe('sqlite');
  });

  it('uses WAL, full sync, foreign keys and a busy timeout', async () => {
    expect(await pragma(db, 'journal_mode')).toBe('wal');
    expect(await pragma(db, 'synchronous')).toBe(2);
    expect(await pragma(db, 'foreign_keys')).toBe(1);
    expect(await pragma(db, 'busy_timeout')).toBeGreaterThan(0);
  });

  it('still creates change_log.seq as INTEGER PRIMARY KEY AUTOINCREMENT, as the released migration did', async () => {
    const table = await sql<{ sql: string }>`select sql from sqlite_master where name = 'change_log'`.execute(db);
    expect(table.rows[0]?.sql).toContain('"seq" integer primary key autoincrement');
    const sequences = await sql<{
      name: string;
    }>`select name from sqlite_master where name = 'sqlite_sequence'`.execute(db);
    expect(sequences.rows).toEqual([{ name: 'sqlite_sequence' }]);
  });
});
