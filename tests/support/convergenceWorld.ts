/**
 * The world of the convergence model: one real server on a real SQLite file
 * (or PostgreSQL schema, in the `server-postgres` project),
 * a few devices (each its own Dexie database on fake-indexeddb), and a model
 * clock that gives each device its own, possibly wrong, wall clock. All of it
 * is made once per test file and reset between runs (making it is slow).
 */
import { formatHlc } from '../../src/domain/hlc.ts';
import { createServer } from '../../src/server/createServer.ts';
import { APP_TABLES } from '../../src/server/database/databaseSchema.ts';
import type { AppDatabase } from '../../src/server/database/openDatabase.ts';
import { inWriteTransaction } from '../../src/server/database/databaseEngine.ts';
import { SERVER_NODE_ID } from '../../src/server/seed/seedDemoData.ts';
import { writeWinningFields } from '../../src/server/sync/fieldStore.ts';
import { META_KEYS } from '../../src/storage/syncMeta.ts';
import { UraDatabase } from '../../src/storage/UraDatabase.ts';
import type { FetchLike } from '../../src/sync/postSync.ts';
import { DAY_MS, SEED, seedRecords, START, type SeedWrite } from './convergenceSeed.ts';
import { openFreshDatabase } from './serverTestDatabase.ts';
import { createTestAccount, openTestSession } from './testAccounts.ts';
import { unlockedForTest } from './testDataKey.ts';

/** Kept across runs: the school team account every device is signed in as, and its sessions. */
const ACCOUNT_TABLES: ReadonlySet<string> = new Set([
  'organisation',
  'app_user',
  'role_assignment',
  'session',
  'device',
]);

export interface ConvergenceServer {
  db: AppDatabase;
  fetch: FetchLike;
  /** Empties the server and puts the shared records back, stamped a week before START. */
  reset: () => Promise<SeedWrite[]>;
  close: () => Promise<void>;
}

/** Writes the seed through the server's own write path (fieldStore), the way seedDemoData does. */
async function writeSeed(db: AppDatabase): Promise<SeedWrite[]> {
  const writes = seedRecords().map((record, counter) => ({
    ...record,
    hlc: formatHlc({ millis: START - 7 * DAY_MS, counter, node: SERVER_NODE_ID }),
  }));
  for (const write of writes) {
    const { entity, id: entityId, fields, hlc } = write;
    await writeWinningFields(db, { entity, entityId, fields, hlc, mutationId: null, clientId: null }, new Map());
  }
  return writes;
}

/** One server for the whole file, its clock read from `now` (the model's true time). */
export async function startConvergenceServer(now: () => number): Promise<ConvergenceServer> {
  // A SQLite file, or a PostgreSQL schema in the `server-postgres` project.
  const fresh = await openFreshDatabase();
  const db = fresh.db;
  const app = await createServer({ db, now });
  // Every device is the seeded school's team: it may read and write every record of the model.
  const { userId } = await createTestAccount(db, {
    roles: [{ role: 'schoolTeam', schoolId: SEED.school }],
    now: START,
  });
  const cookies = new Map<string, Promise<string>>();
  const cookieFor = (clientId: string): Promise<string> => {
    const cookie = cookies.get(clientId) ?? openTestSession(db, userId, clientId, now());
    cookies.set(clientId, cookie);
    return cookie;
  };
  const fetch: FetchLike = async (url, init) => {
    const payload = typeof init.body === 'string' ? init.body : '';
    const reply = await app.inject({
      method: 'POST',
      url: new URL(url, 'http://ura.test').pathname,
      headers: { 'content-type': 'application/json', cookie: await cookieFor(clientIdIn(payload)) },
      payload,
    });
    return new Response(reply.body, { status: reply.statusCode, headers: { 'content-type': 'application/json' } });
  };
  const seeded = await inWriteTransaction(db, async (trx) => {
    const writes = await writeSeed(trx);
    const fields = await trx.selectFrom('entity_field').selectAll().execute();
    const log = await trx
      .selectFrom('change_log')
      .select(['entity', 'entity_id', 'field', 'value_json', 'hlc', 'mutation_id', 'client_id'])
      .orderBy('seq')
      .execute();
    const scopes = await trx.selectFrom('record_scope').selectAll().execute();
    return { writes, fields, log, scopes };
  });
  // Later runs copy the rows the first seeding wrote: a few statements instead of one per field.
  const reset = (): Promise<SeedWrite[]> =>
    inWriteTransaction(db, async (trx) => {
      for (const table of APP_TABLES) if (!ACCOUNT_TABLES.has(table)) await trx.deleteFrom(table).execute();
      await trx.insertInto('entity_field').values(seeded.fields).execute();
      await trx.insertInto('change_log').values(seeded.log).execute();
      if (seeded.scopes.length > 0) await trx.insertInto('record_scope').values(seeded.scopes).execute();
      return seeded.writes;
    });
  return {
    db,
    fetch,
    reset,
    close: async () => {
      await app.close();
      await fresh.drop();
    },
  };
}

/** The device a sync request names (every request the model's devices send is JSON). */
function clientIdIn(payload: string): string {
  const { clientId } = JSON.parse(payload) as { clientId?: unknown };
  if (typeof clientId !== 'string') throw new Error('a sync request without a clientId');
  return clientId;
}

/** A fixed device id per slot, so HLC ties break the same way when a failing run is replayed. */
export function deviceClientId(device: number): string {
  return `c0000000-0000-4000-8000-${(device + 1).toString(16).padStart(12, '0')}`;
}

/** The devices, reused across runs: opening a Dexie database costs more than emptying one. */
export function openDevices(count: number): UraDatabase[] {
  return Array.from({ length: count }, (_, index) => unlockedForTest(new UraDatabase(`convergence-device-${index}`)));
}

/** Empties a device, as if newly installed, keeping its id. */
export async function resetDevice(db: UraDatabase, index: number): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
    await db.meta.put({ key: META_KEYS.clientId, value: deviceClientId(index) });
  });
}
