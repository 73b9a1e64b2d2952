/** What only SQLite has (pragmas, the rowid seq). Runs in the `server` project only. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineOf } from '../../../src/server/database/databaseEngine.ts';
import { migrateToLatest } from '../../../src/server/database/migrateToLatest.ts';
import { openDatabase, type AppDatabase } from '../../../src/server/database/openDatabase.ts';

async function pragma(db: AppDatabase, name: string): Promise<unknown> {
  const result = await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(db);
  return Object.values(result.rows[0] ?? {})[0];
}

describe('the SQLite engine', () => {
  let dir: string;
  let db: AppDatabase;
  beforeEach(async () => {
    // Opened here rather than through the fixtures, so this is SQLite whatever the project.
    dir = mkdtempSync(join(tmpdir(), 'ura-sqlite-test-'));
    db = openDatabase({ file: join(dir, 'ura.sqlite') });
    await migrateToLatest(db);
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

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
