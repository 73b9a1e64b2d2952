/**
 * What only PostgreSQL needs: change-log seqs visible in commit order although
 * its sequences hand out values at insert time. Runs in `server-postgres` only.
 */
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineOf, inWriteTransaction } from '../../../src/server/database/databaseEngine.ts';
import type { DatabaseSchema } from '../../../src/server/database/databaseSchema.ts';
import { readChanges } from '../../../src/server/sync/readChanges.ts';
import {
  makeHlc,
  makeMutation,
  makeSyncRequest,
  OTHER_CLIENT_ID,
  startTestServer,
  sync,
  TEST_SCHOOL_ID,
  type TestServer,
} from '../../support/serverFixtures.ts';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

async function insertLogRow(trx: Kysely<DatabaseSchema>, entityId: string): Promise<number> {
  const row = await trx
    .insertInto('change_log')
    .values({ entity: 'student', entity_id: entityId, field: 'grade', value_json: '5', hlc: makeHlc() })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return row.seq;
}

/** Waits (by asking PostgreSQL, not by timing) until some transaction queues for a lock on change_log. */
async function untilAWriterWaits(db: Kysely<DatabaseSchema>): Promise<void> {
  for (;;) {
    const { rows } = await sql<{ waiting: number }>`
      select count(*) as waiting from pg_locks where not granted and relation = 'change_log'::regclass`.execute(db);
    if ((rows[0]?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Starts a write that inserts one change-log row and stays open until released. */
function holdOpenWrite(
  begin: (work: (trx: Kysely<DatabaseSchema>) => Promise<number>) => Promise<number>,
  entityId: string,
): { inserted: Promise<number>; release: () => void; committed: Promise<number> } {
  const inserted = deferred<number>();
  const released = deferred<undefined>();
  const committed = begin(async (trx) => {
    const seq = await insertLogRow(trx, entityId);
    inserted.resolve(seq);
    await released.promise;
    return seq;
  });
  return { inserted: inserted.promise, release: () => released.resolve(undefined), committed };
}

describe('PostgreSQL change-log order', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('runs on PostgreSQL in the test schema', async () => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(server.db);
    expect(engineOf(server.db)).toBe('postgres');
    expect(rows[0]?.schema).toBe('schema' in server.target ? server.target.schema : undefined);
  });

  it('would lose a change with plain transactions: a later seq can commit first (why writers lock)', async () => {
    const first = holdOpenWrite((work) => server.db.transaction().execute(work), 'record-a');
    const seqA = await first.inserted;
    const seqB = await server.db.transaction().execute((trx) => insertLogRow(trx, 'record-b'));
    const pulledMeanwhile = await readChanges(server.db, 0, 100);
    first.release();
    await first.committed;
    const pulledAfter = await readChanges(server.db, pulledMeanwhile.nextCursor, 100);

    expect(seqA).toBeLessThan(seqB);
    expect(pulledMeanwhile.nextCursor).toBe(seqB);
    expect(pulledAfter.changes).toEqual([]);
  });

  it('queues a second writer until the first commits, while pulls keep reading', async () => {
    const first = holdOpenWrite((work) => inWriteTransaction(server.db, work), 'record-a');
    await first.inserted;
    const second = inWriteTransaction(server.db, (trx) => insertLogRow(trx, 'record-b'));
    await untilAWriterWaits(server.db);
    const pulledMeanwhile = await readChanges(server.db, 0, 100);
    first.release();
    const [seqA, seqB] = await Promise.all([first.committed, second]);
    const pulledAfter = await readChanges(server.db, pulledMeanwhile.nextCursor, 100);

    expect(pulledMeanwhile.changes.map((change) => change.entityId)).toEqual([TEST_SCHOOL_ID]);
    expect(pulledAfter.changes.map((change) => change.entityId)).toEqual(['record-a', 'record-b']);
    expect(seqA).toBeLessThan(seqB);
  });

  it('holds change_log in EXCLUSIVE mode with a lock timeout inside a write transaction', async () => {
    const seen = await inWriteTransaction(server.db, async (trx) => {
      const locks = await sql<{ mode: string }>`
        select mode from pg_locks
        where granted and pid = pg_backend_pid() and relation = 'change_log'::regclass`.execute(trx);
      const timeout = await sql<{ lock_timeout: string }>`show lock_timeout`.execute(trx);
      return { modes: locks.rows.map((row) => row.mode), timeout: timeout.rows[0]?.lock_timeout };
    });
    expect(seen.modes).toContain('ExclusiveLock');
    expect(seen.timeout).toBe('5s');
  });

  it('keeps seq a bigint identity that no insert can choose', async () => {
    const { rows } = await sql<{ data_type: string; is_identity: string; identity_generation: string }>`
      select data_type, is_identity, identity_generation from information_schema.columns
      where table_schema = current_schema() and table_name = 'change_log' and column_name = 'seq'`.execute(server.db);
    expect(rows).toEqual([{ data_type: 'bigint', is_identity: 'YES', identity_generation: 'ALWAYS' }]);
  });

  it('hands out cursors beyond 32 bits as exact JS numbers', async () => {
    const start = 5_000_000_000;
    await sql`alter table change_log alter column seq restart with ${sql.lit(start)}`.execute(server.db);
    const create = makeMutation();
    const pushed = await sync(server.app, makeSyncRequest({ mutations: [create] }));
    const pulled = await sync(server.app, makeSyncRequest({ clientId: OTHER_CLIENT_ID, cursor: start - 1 }));

    const fieldCount = Object.keys(create.fields).length;
    expect(pushed.nextCursor).toBe(start + fieldCount - 1);
    expect(pulled.nextCursor).toBe(pushed.nextCursor);
    expect(pulled.changes.map((change) => change.entityId)).toEqual([create.entityId]);
  });
});
