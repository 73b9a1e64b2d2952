/**
 * Crash proof (issue 4): the real server process, killed with SIGKILL in the
 * middle of a load of pushes and restarted on the same database, has kept every
 * mutation it acknowledged, has kept no batch by halves, and the devices
 * converge once they re-send. One server's life takes three such kills, early,
 * midway and late in a load, each on a database the earlier ones left. Runs on
 * SQLite (`server`) and PostgreSQL (`server-postgres`); see docs/sync.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../../src/sync/protocol.ts';
import { pullEverything, readPresence, type DeviceState, type Presence } from '../../support/serverCrashChecks.ts';
import {
  makeCrashClients,
  pushBatch,
  runLoadUntilKilled,
  seededRandom,
  type CrashClient,
  type KillMoment,
} from '../../support/serverCrashLoad.ts';
import {
  compileServer,
  freshCrashDatabase,
  killHard,
  startServerProcess,
  type CompiledServer,
  type CrashDatabase,
  type ServerProcess,
} from '../../support/serverCrashProcess.ts';

const CLIENTS = 4;
const BATCHES_PER_CLIENT = 4;
/** Early, middle and late in the 16 replies of a full load; the seed fixes the batches. */
const KILLS = [
  { seed: 11, killAfterReplies: 2, killDelayMs: 1 },
  { seed: 23, killAfterReplies: 7, killDelayMs: 7 },
  { seed: 37, killAfterReplies: 12, killDelayMs: 20 },
];

let compiled: CompiledServer;
let database: CrashDatabase | undefined;
let server: ServerProcess | undefined;

beforeAll(() => {
  compiled = compileServer();
}, 60_000);
afterAll(async () => {
  if (server !== undefined) await killHard(server);
  await database?.drop();
  compiled.remove();
});

function allMutations(client: CrashClient): Mutation[] {
  return client.batches.flat();
}

function presenceOf(presence: Map<string, Presence>, mutations: readonly Mutation[]): Presence[] {
  return mutations.map((mutation) => presence.get(mutation.id) ?? 'partial');
}

/** Load, SIGKILL, and what the dead server left: each acknowledged mutation whole, no batch by halves. */
async function crashMidLoad(running: ServerProcess, db: CrashDatabase, clients: CrashClient[], moment: KillMoment) {
  const load = await runLoadUntilKilled(running.url, clients, moment, () => killHard(running));
  expect(load.surprises).toEqual([]);
  // The kill must land while pushes are on the wire, or it proves nothing about them.
  expect(load.inFlightAtKill).toBeGreaterThan(0);
  const mutations = clients.flatMap(allMutations);
  const afterCrash = await readPresence(db.target, mutations);
  const acknowledged = mutations.filter((mutation) => load.answers.has(mutation.id));
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(presenceOf(afterCrash, acknowledged).filter((state) => state !== 'present')).toEqual([]);
  const splitBatches = clients
    .flatMap((client) => client.batches)
    .map((batch) => [...new Set(presenceOf(afterCrash, batch))])
    .filter((states) => states.length !== 1 || states[0] === 'partial');
  expect(splitBatches).toEqual([]);
  const lostReplies = mutations.filter((item) => afterCrash.get(item.id) === 'present' && !load.answers.has(item.id));
  console.info(
    `killed ${moment.killDelayMs} ms after ${moment.killAfterReplies} replies, ${load.inFlightAtKill} batches ` +
      `on the wire: ${acknowledged.length} of ${mutations.length} mutations acknowledged, ` +
      `${lostReplies.length} more committed with the reply lost`,
  );
  return afterCrash;
}

/**
 * Every device re-sends all it ever made, batch by batch, in order (the app re-sends what it has no
 * answer for; re-sending the acknowledged ones too checks them), then pulls from cursor 0.
 */
async function resendAndConverge(
  running: ServerProcess,
  db: CrashDatabase,
  clients: CrashClient[],
  afterCrash: Map<string, Presence>,
) {
  for (const client of clients) {
    for (const batch of client.batches) {
      const reply = await pushBatch(running.url, client.clientId, batch);
      const expected = batch.map((mutation) => ({
        id: mutation.id,
        status: afterCrash.get(mutation.id) === 'present' ? 'duplicate' : 'applied',
      }));
      expect(reply.results).toEqual(expected);
    }
  }
  const mutations = clients.flatMap(allMutations);
  const final = await readPresence(db.target, mutations);
  expect(presenceOf(final, mutations).filter((state) => state !== 'present')).toEqual([]);
  const observer = await pullEverything(running.url, crypto.randomUUID(), []);
  for (const client of clients) {
    const view: DeviceState = await pullEverything(running.url, client.clientId, allMutations(client));
    expect(view).toEqual(observer);
  }
  // The server's records hold each field's last write (every device's HLCs rise with each mutation).
  for (const mutation of mutations) {
    const record = observer.get(`${mutation.entity}/${mutation.entityId}`);
    for (const [field, value] of Object.entries(mutation.fields)) {
      const overwritten = mutations.some(
        (other) => other.entityId === mutation.entityId && other.hlc > mutation.hlc && field in other.fields,
      );
      if (!overwritten) expect(record?.get(field)).toEqual({ value, hlc: mutation.hlc });
    }
  }
}

describe('a server killed with SIGKILL mid-load, three times over its life', () => {
  it(
    'keeps every acknowledged mutation, never half a batch, and the devices converge',
    { timeout: 150_000 },
    async () => {
      database = await freshCrashDatabase();
      server = await startServerProcess(compiled, database);
      for (const { seed, ...moment } of KILLS) {
        const clients = makeCrashClients(seededRandom(seed), CLIENTS, BATCHES_PER_CLIENT);
        const afterCrash = await crashMidLoad(server, database, clients, moment);
        // Restarted on the same database and port, as a supervisor would.
        server = await startServerProcess(compiled, database, server.port);
        await resendAndConverge(server, database, clients, afterCrash);
      }
    },
  );
});
