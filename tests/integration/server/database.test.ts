/**
 * Runs on both engines (`server` on SQLite, `server-postgres` on PostgreSQL);
 * engine-only checks are in databaseSqlite.test.ts and postgres*.test.ts.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_TABLES } from '../../../src/server/database/databaseSchema.ts';
import { engineOf } from '../../../src/server/database/databaseEngine.ts';
import { migrateToLatest } from '../../../src/server/database/migrateToLatest.ts';
import { databaseTargetFromEnv, describeTarget, openDatabase } from '../../../src/server/database/openDatabase.ts';
import { createServer } from '../../../src/server/createServer.ts';
import {
  countRows,
  createTempDatabase,
  makeMutation,
  makeSyncRequest,
  OTHER_CLIENT_ID,
  reuseTestSessions,
  startTestServer,
  sync,
  TEST_NOW,
  type TestServer,
} from '../../support/serverFixtures.ts';
import { TEST_ENGINE } from '../../support/serverTestDatabase.ts';

describe('openDatabase', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('opens the engine the test project asks for', () => {
    expect(engineOf(server.db)).toBe(TEST_ENGINE);
  });

  it('keeps acknowledged data after the database is closed and reopened', async () => {
    const create = makeMutation();
    await sync(server.app, makeSyncRequest({ mutations: [create] }));
    const counts = await countRows(server.db);
    await server.app.close();
    await server.db.destroy();

    const reopened = openDatabase(server.target);
    const app = await createServer({ db: reopened, now: () => TEST_NOW });
    reuseTestSessions(server.app, app);
    try {
      await migrateToLatest(reopened);
      const again = await sync(app, makeSyncRequest({ mutations: [create] }));
      const pulled = await sync(app, makeSyncRequest({ clientId: OTHER_CLIENT_ID, cursor: 0 }));

      expect(again.results).toEqual([{ id: create.id, status: 'duplicate' }]);
      // The audit trail grows with every request (reads are audited too); nothing else may.
      expect({ ...(await countRows(reopened)), audit_event: 0 }).toEqual({ ...counts, audit_event: 0 });
      expect(pulled.changes.find((change) => change.entityId === create.entityId)?.fields).toEqual(create.fields);
    } finally {
      await app.close();
      await reopened.destroy();
    }
  });

  it('reads sequence numbers, epoch milliseconds and counts back as JS numbers', async () => {
    const reply = await sync(server.app, makeSyncRequest({ mutations: [makeMutation()] }));
    const log = await server.db.selectFrom('change_log').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    const applied = await server.db.selectFrom('applied_mutation').select('received_at').executeTakeFirstOrThrow();
    const count = await server.db
      .selectFrom('change_log')
      .select((eb) => eb.fn.countAll().as('rows'))
      .executeTakeFirstOrThrow();

    expect(reply.nextCursor).toBe(log.seq);
    expect(typeof log.seq).toBe('number');
    expect(applied.received_at).toBe(TEST_NOW);
    expect(typeof count.rows).toBe('number');
  });
});

describe('migrateToLatest', () => {
  it('is safe to run again on a migrated database', async () => {
    const temp = await createTempDatabase();
    try {
      await migrateToLatest(temp.db);
      expect(await countRows(temp.db)).toEqual(Object.fromEntries(APP_TABLES.map((table) => [table, 0])));
    } finally {
      await temp.cleanup();
    }
  });
});

describe('databaseTargetFromEnv', () => {
  it('uses the SQLite file in the data folder without DATABASE_URL', () => {
    expect(databaseTargetFromEnv({}, '/srv/ura')).toEqual({ file: join('/srv/ura', 'ura.sqlite') });
    expect(databaseTargetFromEnv({ DATABASE_URL: ' ' }, '/srv/ura')).toEqual({ file: join('/srv/ura', 'ura.sqlite') });
  });

  it('uses PostgreSQL for a postgres:// or postgresql:// DATABASE_URL', () => {
    for (const url of ['postgres://ura:secret@db.example/ura', 'postgresql://ura@%2Fvar%2Frun%2Fpostgresql/ura']) {
      expect(databaseTargetFromEnv({ DATABASE_URL: url }, '/srv/ura')).toEqual({ url });
    }
  });

  it('refuses any other DATABASE_URL rather than quietly falling back to SQLite', () => {
    expect(() => databaseTargetFromEnv({ DATABASE_URL: 'mysql://ura@db.example/ura' }, '/srv/ura')).toThrow(
      /DATABASE_URL must start with postgres/,
    );
  });

  it('describes the target without the password', () => {
    const description = describeTarget({ url: 'postgres://ura:secret@db.example:5433/ura' });
    expect(description).toBe('PostgreSQL database ura on db.example:5433');
    expect(describeTarget({ url: 'postgresql://ura@%2Fvar%2Frun%2Fpostgresql/ura' })).toBe(
      'PostgreSQL database ura on /var/run/postgresql',
    );
  });
});
