/**
 * Regression tests for what the sync fuzz (syncFuzz.test.ts) found: each case
 * here was answered wrongly before the fix named in its description.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../../src/sync/protocol.ts';
import {
  makeMutation,
  makeStudentFields,
  makeSyncRequest,
  OTHER_CLIENT_ID,
  postSync,
  readStoredFields,
  startTestServer,
  sync,
  type TestServer,
} from '../../support/serverFixtures.ts';
import { expectRefusal, takeSnapshot } from '../../support/syncFuzzChecks.ts';

describe('POST /api/sync hostile input (regressions)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.cleanup();
  });

  async function expectRefusedUnchanged(body: unknown, status: number): Promise<ErrorResponse> {
    const before = await takeSnapshot(server.db);
    const response = await postSync(server.app, body);
    expectRefusal(response, status);
    expect(await takeSnapshot(server.db)).toEqual(before);
    return response.json<ErrorResponse>();
  }

  // Was applied: the HLC pattern matched, the date parsed to NaN (so it passed the
  // clock-ahead check) and "2026-19…" sorts after every real stamp, winning forever.
  it.each(['2026-19-39T10:00:00.000Z', '2026-02-30T10:00:00.000Z', '2026-11-23T24:00:00.000Z'])(
    'refuses an HLC whose date %s does not exist',
    async (date) => {
      const mutation = makeMutation({ hlc: `${date}-0000-aaaaaaaaaaaaaaaa` });
      const reply = await expectRefusedUnchanged(makeSyncRequest({ mutations: [mutation] }), 400);
      expect(reply.error.issues).toEqual([{ path: 'mutations.0.hlc', code: 'custom' }]);
    },
  );

  // Was applied: the change log would name the other device, whose pulls skip "its own" rows.
  it("refuses a mutation that claims another device's client id", async () => {
    const request = makeSyncRequest({ mutations: [makeMutation(), makeMutation({ clientId: OTHER_CLIENT_ID })] });
    const reply = await expectRefusedUnchanged(request, 400);
    expect(reply.error.issues).toEqual([{ path: 'mutations.1.clientId', code: 'client_mismatch' }]);
  });

  // Was accepted (any integer went): a newer app's records would be judged by this server's older rules.
  it.each([
    ['a request schema version from a newer app', { schemaVersion: 2 }, {}],
    ['a request schema version older than any supported', { schemaVersion: 0 }, {}],
    ['a mutation written under a newer schema', {}, { schema: 2 }],
    ['a fractional schema version', { schemaVersion: 1.5 }, {}],
    // Found by the fuzz once protocol 2 existed: 1.5 lay between two supported versions and got a 400.
    ['a fractional protocol version between two supported ones', { protocolVersion: 1.5 }, {}],
  ])('answers 426 unsupported_protocol to %s, so the app keeps its outbox', async (_name, request, mutation) => {
    const body = { ...makeSyncRequest({ mutations: [makeMutation(mutation)] }), ...request };
    expect(await expectRefusedUnchanged(body, 426)).toEqual({ error: { code: 'unsupported_protocol' } });
  });

  it('answers 426, not 400, to a newer app whose records carry fields this server does not know', async () => {
    const newer = makeMutation({ schema: 2, fields: { ...makeStudentFields(), nickname: 'Dita' } as never });
    await expectRefusedUnchanged({ ...makeSyncRequest({ mutations: [newer] }), schemaVersion: 2 }, 426);
  });

  // Was `duplicate`: after a lost reply the app re-sends, takes `duplicate` as delivered and
  // drops the mutation, so the user never learns the server refused it.
  it('answers a re-sent rejected mutation with the same rejection and records nothing more', async () => {
    const setOnNothing = makeMutation({ op: 'set', fields: { grade: 3 } });
    const first = await sync(server.app, makeSyncRequest({ mutations: [setOnNothing] }));
    const before = await takeSnapshot(server.db);
    const again = await sync(server.app, makeSyncRequest({ mutations: [setOnNothing] }));
    const rejection = { id: setOnNothing.id, status: 'rejected', code: 'not_found' };
    expect([first.results, again.results]).toEqual([[rejection], [rejection]]);
    expect(await takeSnapshot(server.db)).toEqual(before);
  });

  it('judges a mutation id sent twice in one batch once: the second copy gets the first one’s answer', async () => {
    const create = makeMutation();
    const sameIdOtherGrade = { ...makeMutation({ fields: makeStudentFields({ grade: 9 }) }), id: create.id };
    const setOnNothing = makeMutation({ op: 'set', fields: { grade: 3 } });
    const reply = await sync(
      server.app,
      makeSyncRequest({ mutations: [create, sameIdOtherGrade, setOnNothing, { ...setOnNothing, op: 'create' }] }),
    );
    expect(reply.results).toEqual([
      { id: create.id, status: 'applied' },
      { id: create.id, status: 'duplicate' },
      { id: setOnNothing.id, status: 'rejected', code: 'not_found' },
      { id: setOnNothing.id, status: 'rejected', code: 'not_found' },
    ]);
    expect(await readStoredFields(server.db, 'student', create.entityId)).toEqual(create.fields);
    expect(await readStoredFields(server.db, 'student', sameIdOtherGrade.entityId)).toEqual({});
    expect(await readStoredFields(server.db, 'student', setOnNothing.entityId)).toEqual({});
  });
});
