/**
 * Hostile input to POST /api/sync, generated (issue 4). Whatever arrives, the
 * server answers a 4xx with a stable code (never a 5xx), and a refused request
 * changes none of the app tables (APP_TABLES). A well-formed mutation that can
 * never apply is not a refusal: the protocol rejects it alone (200, `rejected`
 * with a code from REJECTION_CODES) so it never blocks the device's queue. Such
 * a rejection is recorded in `applied_mutation` — that is what makes a re-send
 * answer the same rejection instead of judging it again — so a batch rejected
 * whole adds exactly one `applied_mutation` row per new id and touches nothing
 * else: no field, no change-log row, nothing another device would pull.
 */
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { MutationResult, RejectionCode, SyncResponse } from '../../../src/sync/protocol.ts';
import { makeSyncRequest, postSync, startTestServer, type TestServer } from '../../support/serverFixtures.ts';
import { hostileEnvelope, hostileMutation, type HostileBody } from '../../support/syncFuzzCases.ts';
import {
  expectRefusal,
  postRaw,
  prototypeKeys,
  takeSnapshot,
  type StateSnapshot,
} from '../../support/syncFuzzChecks.ts';
import { hostileTransport, oversizeBody, pollutedBody, type RawRequest } from '../../support/syncFuzzTransport.ts';
import { doomedMutation, seedWorld, type DoomedMutation } from '../../support/syncFuzzWorld.ts';

/** Generous: a loaded two-core machine runs each property in a few seconds. */
const PROPERTY_TIMEOUT_MS = 60_000;
/** Bodies posted by the properties above the last test, which checks the 2,000. */
let posted = 0;

/** A test server, and the snapshot of its tables that every refused request must leave as it was. */
interface FuzzServer extends TestServer {
  snapshot: StateSnapshot;
}

async function withServer(work: (server: FuzzServer) => Promise<void>): Promise<void> {
  const server = await startTestServer();
  try {
    await work({ ...server, snapshot: await takeSnapshot(server.db) });
  } finally {
    await server.cleanup();
  }
}

/** Posts one hostile body, then checks the refusal and that no table moved. */
async function expectRefused(
  server: FuzzServer,
  send: (app: FastifyInstance) => Promise<LightMyRequestResponse>,
  status?: number,
): Promise<void> {
  posted += 1;
  const response = await send(server.app);
  const before = server.snapshot;
  // Kept current even when a request slips through, so the shrunk counterexample is the culprit.
  server.snapshot = await takeSnapshot(server.db);
  expectRefusal(response, status);
  expect(server.snapshot).toEqual(before);
}

const refusesJson = (server: FuzzServer) => (hostile: HostileBody) =>
  expectRefused(server, (app) => postSync(app, hostile.body), hostile.status);
const refusesRaw = (server: FuzzServer) => (raw: RawRequest) =>
  expectRefused(server, (app) => postRaw(app, raw.payload, raw.headers), raw.status);

describe('POST /api/sync under generated hostile input', () => {
  it(
    'refuses a broken envelope: wrong types, missing or unknown keys, versions, ranges, too many mutations',
    async () => {
      await withServer(async (server) => {
        await fc.assert(fc.asyncProperty(hostileEnvelope, refusesJson(server)), { numRuns: 400 });
      });
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'refuses a whole batch when one mutation is malformed, forged or names a type it may not write',
    async () => {
      await withServer(async (server) => {
        await fc.assert(fc.asyncProperty(hostileMutation, refusesJson(server)), { numRuns: 650 });
      });
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'refuses bodies that are not a JSON sync request, or come with the wrong headers',
    async () => {
      await withServer(async (server) => {
        await fc.assert(fc.asyncProperty(hostileTransport, refusesRaw(server)), { numRuns: 420 });
        await fc.assert(fc.asyncProperty(oversizeBody, refusesRaw(server)), { numRuns: 20 });
      });
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'refuses prototype-polluting keys anywhere in the body, and Object.prototype stays clean',
    async () => {
      const keys = prototypeKeys();
      await withServer(async (server) => {
        await fc.assert(
          fc.asyncProperty(pollutedBody, async (body) => {
            await expectRefused(server, (app) => postSync(app, body), 400);
            expect(prototypeKeys()).toEqual(keys);
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          }),
          { numRuns: 300 },
        );
      });
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'rejects each well-formed mutation that can never apply with its own code, and a re-send alike',
    async () => {
      await withServer(async (server) => {
        const world = await seedWorld(server.app);
        /** What the server has recorded per mutation id (a model of applied_mutation). */
        const judged = new Map<string, RejectionCode>();
        const batches = fc
          .tuple(
            fc.array(doomedMutation(world), { minLength: 1, maxLength: 6 }),
            fc.option(fc.tuple(fc.nat(), fc.nat(), fc.boolean())),
          )
          .map(([list, repeat]) => withRepeatedId(list, repeat));
        await fc.assert(
          fc.asyncProperty(batches, async (batch) => {
            const expected = expectedResults(batch, judged);
            const newIds = new Set(batch.map(({ mutation }) => mutation.id).filter((id) => !judged.has(id)));
            const body = makeSyncRequest({ cursor: world.cursor, mutations: batch.map(({ mutation }) => mutation) });
            const before = await takeSnapshot(server.db);
            posted += 2;
            const first = await postSync(server.app, body);
            const recorded = await server.db
              .selectFrom('applied_mutation')
              .select(['id', 'status', 'code'])
              .where('id', 'in', [...newIds, 'none'])
              .execute();
            for (const row of recorded) if (row.code !== null) judged.set(row.id, row.code);

            expect(first.statusCode, first.body).toBe(200);
            const reply = first.json<SyncResponse>();
            expect(reply.results).toEqual(expected);
            expect([reply.changes, reply.nextCursor]).toEqual([[], world.cursor]);
            const after = await takeSnapshot(server.db);
            expect(after).toEqual({
              ...before,
              rows: { ...before.rows, applied_mutation: before.rows.applied_mutation + newIds.size },
            });
            const firstCode = new Map(expected.map((result) => [result.id, result.code]));
            expect(recorded.map((row) => [row.status, row.code]).sort()).toEqual(
              [...newIds].map((id) => ['rejected', firstCode.get(id)]).sort(),
            );

            const again = await postSync(server.app, body);
            expect(again.statusCode, again.body).toBe(200);
            expect(again.json<SyncResponse>().results).toEqual(expected);
            expect(await takeSnapshot(server.db)).toEqual(after);
          }),
          { numRuns: 180 },
        );
      });
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('posted at least 2,000 hostile bodies in all', () => {
    expect(posted).toBeGreaterThanOrEqual(2000);
  });
});

/** Optionally sends one mutation id twice: the same mutation again, or another one under its id. */
function withRepeatedId(list: DoomedMutation[], repeat: [number, number, boolean] | null): DoomedMutation[] {
  const source = list[(repeat?.[0] ?? 0) % list.length];
  const other = list[(repeat?.[1] ?? 0) % list.length];
  if (repeat === null || source === undefined || other === undefined) return list;
  const copy = repeat[2] ? source : { ...other, mutation: { ...other.mutation, id: source.mutation.id } };
  return [...list, copy];
}

/** Every mutation rejected with its code; an id judged before answers its first judgement. */
function expectedResults(batch: DoomedMutation[], judged: ReadonlyMap<string, RejectionCode>): MutationResult[] {
  const seen = new Map(judged);
  return batch.map(({ mutation, code }) => {
    const earlier = seen.get(mutation.id);
    if (earlier === undefined) seen.set(mutation.id, code);
    return { id: mutation.id, status: 'rejected', code: earlier ?? code };
  });
}
