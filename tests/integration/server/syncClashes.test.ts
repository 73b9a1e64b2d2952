import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldConflict } from '../../../src/domain/fieldConflict.ts';
import type { Change, Mutation } from '../../../src/sync/protocol.ts';
import {
  countRows,
  makeHlc,
  makeMutation,
  makeSyncRequest,
  newId,
  OTHER_CLIENT_ID,
  postSync,
  readStoredFields,
  startTestServer,
  sync,
  TEST_CLIENT_ID,
  type TestServer,
} from '../../support/serverFixtures.ts';

const THIRD_CLIENT_ID = '88888888-0000-4000-8000-000000000003';

describe('same-field clashes', () => {
  let server: TestServer;
  let studentId: string;
  let createdHlc: string;

  beforeEach(async () => {
    server = await startTestServer();
    const create = makeMutation({ hlc: makeHlc(0) });
    studentId = create.entityId;
    createdHlc = create.hlc;
    await sync(server.app, makeSyncRequest({ mutations: [create] }));
  });
  afterEach(async () => server.cleanup());

  /** A `set` of one student field from `clientId`, made when the device held the field at `base`. */
  function edit(clientId: string, fields: object, hlc: string, base: string | null = createdHlc): Mutation {
    const stamps = Object.fromEntries(Object.keys(fields).map((field) => [field, base]));
    return { ...makeMutation({ clientId, entityId: studentId, op: 'set', fields, hlc }), base: stamps };
  }

  async function push(clientId: string, mutations: Mutation[]) {
    return sync(server.app, makeSyncRequest({ clientId, mutations }));
  }

  async function clashes(clientId = THIRD_CLIENT_ID): Promise<(FieldConflict & { id: string })[]> {
    const reply = await sync(server.app, makeSyncRequest({ clientId, limit: 1000 }));
    return reply.changes
      .filter((change: Change) => change.entity === 'conflict')
      .map((change) => ({ id: change.entityId, ...(change.fields as Omit<FieldConflict, 'id'>) }));
  }

  it('records a clash when a later write replaces one its device had not seen, keeping the later one', async () => {
    await push(TEST_CLIENT_ID, [edit(TEST_CLIENT_ID, { grade: 6 }, makeHlc(1000))]);
    const reply = await push(OTHER_CLIENT_ID, [edit(OTHER_CLIENT_ID, { grade: 7 }, makeHlc(2000))]);

    expect(reply.results[0]?.status).toBe('applied');
    expect(await readStoredFields(server.db, 'student', studentId)).toMatchObject({ grade: 7 });
    expect(await clashes()).toEqual([
      expect.objectContaining({
        recordEntity: 'student',
        recordId: studentId,
        field: 'grade',
        keptValue: 7,
        keptHlc: makeHlc(2000),
        keptBy: OTHER_CLIENT_ID,
        lostValue: 6,
        lostHlc: makeHlc(1000),
        lostBy: TEST_CLIENT_ID,
        choice: null,
        resolvedBy: null,
      }),
    ]);
  });

  it('records a clash when an earlier write arrives late and loses, so its value is not dropped silently', async () => {
    await push(OTHER_CLIENT_ID, [edit(OTHER_CLIENT_ID, { guardianPhone: '+383 44 999 999' }, makeHlc(5000))]);
    await push(TEST_CLIENT_ID, [edit(TEST_CLIENT_ID, { guardianPhone: '+383 44 111 111' }, makeHlc(3000))]);

    expect(await readStoredFields(server.db, 'student', studentId)).toMatchObject({ guardianPhone: '+383 44 999 999' });
    const [clash] = await clashes();
    expect(clash).toMatchObject({
      keptValue: '+383 44 999 999',
      keptBy: OTHER_CLIENT_ID,
      lostValue: '+383 44 111 111',
    });
  });

  it('sends the clash to both devices involved, the one that pushed it included', async () => {
    await push(TEST_CLIENT_ID, [edit(TEST_CLIENT_ID, { grade: 6 }, makeHlc(1000))]);
    await push(OTHER_CLIENT_ID, [edit(OTHER_CLIENT_ID, { grade: 7 }, makeHlc(2000))]);

    expect(await clashes(TEST_CLIENT_ID)).toHaveLength(1);
    expect(await clashes(OTHER_CLIENT_ID)).toHaveLength(1);
  });

  it.each([
    ['the device had seen the stored value', { base: 'seen' }],
    ['both wrote the same value', { sameValue: true }],
    ['one device rewrote its own value', { sameDevice: true }],
    ['the mutation carries no base (an outbox row from before clashes existed)', { noBase: true }],
    ['the devices changed different fields', { otherField: true }],
  ])('records no clash when %s', async (_, how) => {
    await push(TEST_CLIENT_ID, [edit(TEST_CLIENT_ID, { grade: 6 }, makeHlc(1000))]);
    const writer = 'sameDevice' in how ? TEST_CLIENT_ID : OTHER_CLIENT_ID;
    const fields = 'otherField' in how ? { className: '5/2' } : { grade: 'sameValue' in how ? 6 : 8 };
    const second = edit(writer, fields, makeHlc(2000), 'base' in how ? makeHlc(1000) : createdHlc);
    if ('noBase' in how) delete second.base;
    await push(writer, [second]);

    expect(await clashes()).toEqual([]);
    expect(await readStoredFields(server.db, 'student', studentId)).toMatchObject(fields);
  });

  it('takes a choice on a clash as a set from any device, and sends it to the others', async () => {
    await push(TEST_CLIENT_ID, [edit(TEST_CLIENT_ID, { grade: 6 }, makeHlc(1000))]);
    await push(OTHER_CLIENT_ID, [edit(OTHER_CLIENT_ID, { grade: 7 }, makeHlc(2000))]);
    const [clash] = await clashes();
    const choice: Mutation = {
      ...makeMutation({ entity: 'conflict', entityId: clash?.id ?? '', op: 'set', hlc: makeHlc(3000) }),
      fields: { choice: 'lost', resolvedBy: 'Drita Berisha' },
    };
    const restore = edit(TEST_CLIENT_ID, { grade: 6 }, makeHlc(3000, 1), makeHlc(2000));

    const reply = await push(TEST_CLIENT_ID, [restore, choice]);

    expect(reply.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    expect(await readStoredFields(server.db, 'student', studentId)).toMatchObject({ grade: 6 });
    const [settled] = await clashes(OTHER_CLIENT_ID);
    expect(settled).toMatchObject({ choice: 'lost', resolvedBy: 'Drita Berisha' });
    expect(await clashes()).toHaveLength(1);
  });

  it('never lets a device create a clash record, nor set its recorded sides', async () => {
    await push(TEST_CLIENT_ID, [edit(TEST_CLIENT_ID, { grade: 6 }, makeHlc(1000))]);
    await push(OTHER_CLIENT_ID, [edit(OTHER_CLIENT_ID, { grade: 7 }, makeHlc(2000))]);
    const [clash] = await clashes();
    const before = await countRows(server.db);
    const forged = [
      { op: 'create', fields: { choice: 'kept', resolvedBy: 'X' } },
      { op: 'set', fields: { keptValue: 1 } },
      { op: 'set', fields: { choice: 'both', resolvedBy: 'X' } },
    ];
    for (const body of forged) {
      const mutation = {
        ...makeMutation({ entity: 'conflict', entityId: clash?.id ?? '', hlc: makeHlc(3000) }),
        ...body,
      };
      const response = await postSync(server.app, makeSyncRequest({ mutations: [mutation as Mutation] }));
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await countRows(server.db)).toEqual(before);
  });

  it('refuses a base naming a field the record does not have, and a base stamp that is no HLC', async () => {
    const before = await countRows(server.db);
    for (const base of [{ nickname: createdHlc }, { grade: 'yesterday' }]) {
      const mutation = { ...edit(OTHER_CLIENT_ID, { grade: 7 }, makeHlc(2000)), base };
      const response = await postSync(
        server.app,
        makeSyncRequest({ clientId: OTHER_CLIENT_ID, mutations: [mutation] }),
      );
      expect(response.statusCode).toBe(400);
    }
    expect(await countRows(server.db)).toEqual(before);
  });

  it('rejects a choice on a clash the server does not hold as not_found', async () => {
    const choice: Mutation = {
      ...makeMutation({ entity: 'conflict', entityId: newId(), op: 'set', hlc: makeHlc(3000) }),
      fields: { choice: 'kept', resolvedBy: 'Drita Berisha' },
    };
    const reply = await push(TEST_CLIENT_ID, [choice]);
    expect(reply.results[0]).toMatchObject({ status: 'rejected', code: 'not_found' });
  });

  it('leaves clashes out of the pulls of a version-1 app, whose cursor still moves past them', async () => {
    await push(TEST_CLIENT_ID, [edit(TEST_CLIENT_ID, { grade: 6 }, makeHlc(1000))]);
    await push(OTHER_CLIENT_ID, [edit(OTHER_CLIENT_ID, { grade: 7 }, makeHlc(2000))]);
    const current = await sync(server.app, makeSyncRequest({ clientId: THIRD_CLIENT_ID }));
    const old = await sync(server.app, makeSyncRequest({ clientId: THIRD_CLIENT_ID, protocolVersion: 1 }));

    expect(current.changes.some((change) => change.entity === 'conflict')).toBe(true);
    expect(old.changes.some((change) => change.entity === 'conflict')).toBe(false);
    expect(old.nextCursor).toBe(current.nextCursor);
  });
});
