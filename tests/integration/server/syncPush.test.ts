import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CLOCK_AHEAD_MS } from '../../../src/sync/protocol.ts';
import {
  countRows,
  makeHlc,
  makeMutation,
  makeStudentFields,
  makeSyncRequest,
  newId,
  readStoredFields,
  startTestServer,
  sync,
  TEST_NOW,
  type TestServer,
} from '../../support/serverFixtures.ts';

describe('POST /api/sync (push)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('applies a create and stores every field', async () => {
    const create = makeMutation();
    const reply = await sync(server.app, makeSyncRequest({ mutations: [create] }));
    expect(reply.results).toEqual([{ id: create.id, status: 'applied' }]);
    expect(await readStoredFields(server.db, 'student', create.entityId)).toEqual(create.fields);
  });

  it('answers duplicate for a re-sent request and changes nothing', async () => {
    const request = makeSyncRequest({ mutations: [makeMutation(), makeMutation()] });
    const first = await sync(server.app, request);
    const countsAfterFirst = await countRows(server.db);
    const second = await sync(server.app, request);
    expect(first.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    expect(second.results.map((result) => result.status)).toEqual(['duplicate', 'duplicate']);
    expect(await countRows(server.db)).toEqual(countsAfterFirst);
  });

  it('applies a set after the create that made the record', async () => {
    const create = makeMutation();
    await sync(server.app, makeSyncRequest({ mutations: [create] }));
    const edit = makeMutation({ op: 'set', entityId: create.entityId, hlc: makeHlc(1000), fields: { grade: 6 } });
    const reply = await sync(server.app, makeSyncRequest({ mutations: [edit] }));
    expect(reply.results).toEqual([{ id: edit.id, status: 'applied' }]);
    expect(await readStoredFields(server.db, 'student', create.entityId)).toEqual({ ...create.fields, grade: 6 });
  });

  it('applies a set on a record created earlier in the same batch', async () => {
    const create = makeMutation();
    const edit = makeMutation({ op: 'set', entityId: create.entityId, hlc: makeHlc(1), fields: { className: '5/2' } });
    const reply = await sync(server.app, makeSyncRequest({ mutations: [create, edit] }));
    expect(reply.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    expect((await readStoredFields(server.db, 'student', create.entityId)).className).toBe('5/2');
  });

  it('keeps a field when an older HLC arrives later and takes a newer one', async () => {
    const create = makeMutation({ hlc: makeHlc(0) });
    const newer = makeMutation({ op: 'set', entityId: create.entityId, hlc: makeHlc(2000), fields: { grade: 7 } });
    const older = makeMutation({ op: 'set', entityId: create.entityId, hlc: makeHlc(1000), fields: { grade: 6 } });
    await sync(server.app, makeSyncRequest({ mutations: [create, newer] }));
    const logBefore = (await countRows(server.db)).change_log;
    await sync(server.app, makeSyncRequest({ mutations: [older] }));
    expect((await readStoredFields(server.db, 'student', create.entityId)).grade).toBe(7);
    expect((await countRows(server.db)).change_log).toBe(logBefore);

    const newest = makeMutation({ op: 'set', entityId: create.entityId, hlc: makeHlc(3000), fields: { grade: 8 } });
    await sync(server.app, makeSyncRequest({ mutations: [newest] }));
    expect((await readStoredFields(server.db, 'student', create.entityId)).grade).toBe(8);
  });

  it('decides each field on its own HLC, leaving other fields untouched', async () => {
    const create = makeMutation({ hlc: makeHlc(0) });
    const phoneEdit = makeMutation({
      op: 'set',
      entityId: create.entityId,
      hlc: makeHlc(2000),
      fields: { guardianPhone: '+383 49 999 000' },
    });
    // Made earlier on another device, arriving later: its name edit still wins (no newer write to it).
    const nameEdit = makeMutation({
      op: 'set',
      entityId: create.entityId,
      hlc: makeHlc(1000),
      fields: { givenName: 'Dritë' },
    });
    await sync(server.app, makeSyncRequest({ mutations: [create, phoneEdit, nameEdit] }));
    expect(await readStoredFields(server.db, 'student', create.entityId)).toEqual({
      ...create.fields,
      guardianPhone: '+383 49 999 000',
      givenName: 'Dritë',
    });
  });

  it('rejects bad mutations with their code and still applies the rest of the batch', async () => {
    const good = makeMutation();
    const incomplete = makeMutation({ fields: { givenName: 'Lule' } });
    const unknownSchool = makeMutation({ fields: makeStudentFields({ schoolId: newId() }) });
    const setOnNothing = makeMutation({ op: 'set', fields: { grade: 3 } });
    const aheadHlc = makeHlc(MAX_CLOCK_AHEAD_MS + 60_000);
    const clockAhead = makeMutation({ hlc: aheadHlc });
    const alsoGood = makeMutation();
    const mutations = [good, incomplete, unknownSchool, setOnNothing, clockAhead, alsoGood];

    const reply = await sync(server.app, makeSyncRequest({ mutations }));

    expect(reply.results).toEqual([
      { id: good.id, status: 'applied' },
      { id: incomplete.id, status: 'rejected', code: 'invalid_fields' },
      { id: unknownSchool.id, status: 'rejected', code: 'invalid_fields' },
      { id: setOnNothing.id, status: 'rejected', code: 'not_found' },
      { id: clockAhead.id, status: 'rejected', code: 'clock_ahead' },
      { id: alsoGood.id, status: 'applied' },
    ]);
    for (const rejected of [incomplete, unknownSchool, setOnNothing, clockAhead]) {
      expect(await readStoredFields(server.db, 'student', rejected.entityId)).toEqual({});
    }
    expect(await readStoredFields(server.db, 'student', alsoGood.entityId)).toEqual(alsoGood.fields);
  });

  it('rejects a set that moves a student to an unknown school', async () => {
    const create = makeMutation();
    const move = makeMutation({ op: 'set', entityId: create.entityId, hlc: makeHlc(1), fields: { schoolId: newId() } });
    const reply = await sync(server.app, makeSyncRequest({ mutations: [create, move] }));
    expect(reply.results[1]).toEqual({ id: move.id, status: 'rejected', code: 'invalid_fields' });
    expect((await readStoredFields(server.db, 'student', create.entityId)).schoolId).toBe(create.fields.schoolId);
  });

  it('rejects a second create of an existing record', async () => {
    const create = makeMutation();
    const again = makeMutation({ entityId: create.entityId, hlc: makeHlc(5), fields: makeStudentFields({ grade: 9 }) });
    const reply = await sync(server.app, makeSyncRequest({ mutations: [create, again] }));
    expect(reply.results[1]).toEqual({ id: again.id, status: 'rejected', code: 'already_exists' });
    expect((await readStoredFields(server.db, 'student', create.entityId)).grade).toBe(create.fields.grade);
  });

  it('answers the same rejection when a rejected mutation is sent again', async () => {
    // After a lost reply the app re-sends; "duplicate" would make it drop the change as delivered.
    const setOnNothing = makeMutation({ op: 'set', fields: { grade: 3 } });
    await sync(server.app, makeSyncRequest({ mutations: [setOnNothing] }));
    const again = await sync(server.app, makeSyncRequest({ mutations: [setOnNothing] }));
    expect(again.results).toEqual([{ id: setOnNothing.id, status: 'rejected', code: 'not_found' }]);
  });

  it('records every outcome with the server receive time', async () => {
    const good = makeMutation();
    const bad = makeMutation({ op: 'set', fields: { grade: 3 } });
    await sync(server.app, makeSyncRequest({ mutations: [good, bad] }));
    const rows = await server.db.selectFrom('applied_mutation').selectAll().orderBy('status').execute();
    expect(rows).toEqual([
      expect.objectContaining({ id: good.id, status: 'applied', code: null, entity_id: good.entityId }),
      expect.objectContaining({ id: bad.id, status: 'rejected', code: 'not_found', entity_id: bad.entityId }),
    ]);
    expect(rows.map((row) => row.received_at)).toEqual([TEST_NOW, TEST_NOW]);
  });
});
