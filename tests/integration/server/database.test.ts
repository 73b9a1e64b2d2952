import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../src/server/database/migrateToLatest.ts';
import { openDatabase, type AppDatabase } from '../../../src/server/database/openDatabase.ts';
import { createServer } from '../../../src/server/createServer.ts';
import {
  countRows,
  createTempDatabase,
  makeMutation,
  makeSyncRequest,
  OTHER_CLIENT_ID,
  startTestServer,
  sync,
  TEST_NOW,
  type TestServer,
} from '../../support/serverFixtures.ts';

async function pragma(db: AppDatabase, name: string): Promise<unknown> {
  const result = await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(db);
  return Object.values(result.rows[0] ?? {})[0];
}

describe('openDatabase', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('keeps acknowledged data after the file is closed and reopened', async () => {
    const create = makeMutation();
    await sync(server.app, makeSyncRequest({ mutations: [create] }));
    const counts = await countRows(server.db);
    await server.app.close();
    await server.db.destroy();

    const reopened = openDatabase({ file: server.file });
    const app = await createServer({ db: reopened, now: () => TEST_NOW });
    try {
      await migrateToLatest(reopened);
      const again = await sync(app, makeSyncRequest({ mutations: [create] }));
      const pulled = await sync(app, makeSyncRequest({ clientId: OTHER_CLIENT_ID, cursor: 0 }));

      expect(again.results).toEqual([{ id: create.id, status: 'duplicate' }]);
      expect(await countRows(reopened)).toEqual(counts);
      expect(pulled.changes.find((change) => change.entityId === create.entityId)?.fields).toEqual(create.fields);
    } finally {
      await app.close();
      await reopened.destroy();
    }
  });

  it('uses WAL, full sync, foreign keys and a busy timeout', async () => {
    expect(await pragma(server.db, 'journal_mode')).toBe('wal');
    expect(await pragma(server.db, 'synchronous')).toBe(2);
    expect(await pragma(server.db, 'foreign_keys')).toBe(1);
    expect(await pragma(server.db, 'busy_timeout')).toBeGreaterThan(0);
  });
});

describe('migrateToLatest', () => {
  it('is safe to run again on a migrated database', async () => {
    const temp = await createTempDatabase();
    try {
      await migrateToLatest(temp.db);
      expect(await countRows(temp.db)).toEqual({ applied_mutation: 0, entity_field: 0, change_log: 0 });
    } finally {
      await temp.cleanup();
    }
  });
});
