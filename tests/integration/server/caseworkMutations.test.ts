import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type ClientWritableEntity, type Mutation } from '../../../src/sync/protocol.ts';
import {
  makeCaseEvent,
  makeCaseRecord,
  makePlanAction,
  makeReferral,
  makeScreening,
  makeVisit,
  USER_ID,
  wireFields,
} from '../../support/caseworkFixtures.ts';
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
  TEST_SCHOOL_ID,
  type TestServer,
} from '../../support/serverFixtures.ts';

let counter = 0;
/** A mutation from TEST_CLIENT_ID; each gets a later HLC, as a device's would. */
function mutationOf(entity: ClientWritableEntity, entityId: string, op: 'create' | 'set', fields: object): Mutation {
  counter += 1;
  return {
    id: newId(),
    clientId: TEST_CLIENT_ID,
    hlc: makeHlc(0, counter),
    schema: SCHEMA_VERSION,
    entity,
    entityId,
    op,
    fields,
  };
}

function create(entity: ClientWritableEntity, record: { id: string }): Mutation {
  return mutationOf(entity, record.id, 'create', wireFields(record));
}

describe('casework mutations', () => {
  let server: TestServer;
  let studentId: string;
  let caseId: string;

  beforeEach(async () => {
    server = await startTestServer();
    const student = makeMutation();
    studentId = student.entityId;
    const record = makeCaseRecord(studentId, TEST_SCHOOL_ID);
    caseId = record.id;
    const reply = await sync(server.app, makeSyncRequest({ mutations: [student, create('case', record)] }));
    expect(reply.results.map((result) => result.status)).toEqual(['applied', 'applied']);
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('applies a whole record of every casework type and delivers it unchanged to another device', async () => {
    const event = { id: newId(), ...makeCaseEvent(caseId) };
    const screening = makeScreening(studentId);
    const visit = makeVisit(caseId);
    const action = makePlanAction(caseId, {
      responsible: { kind: 'organisation', organisationType: 'csw', name: 'QPS' },
    });
    const referral = makeReferral(caseId);
    const records = [
      ['caseEvent', event],
      ['screening', screening],
      ['homeVisit', visit],
      ['planAction', action],
      ['referral', referral],
    ] as const;
    const reply = await sync(
      server.app,
      makeSyncRequest({ mutations: records.map(([entity, record]) => create(entity, record)) }),
    );
    expect(reply.results.map((result) => result.status)).toEqual(records.map(() => 'applied'));

    const pulled = await sync(server.app, makeSyncRequest({ clientId: OTHER_CLIENT_ID }));
    for (const [entity, record] of records) {
      const change = pulled.changes.find((item) => item.entity === entity && item.entityId === record.id);
      expect(change?.fields).toEqual(wireFields(record));
    }
    expect(pulled.changes.find((item) => item.entityId === caseId)?.fields).toMatchObject({ status: 'flagged' });
  });

  it('applies a case flagged offline and its first visit sent in one batch', async () => {
    const record = makeCaseRecord(studentId, TEST_SCHOOL_ID);
    const visit = makeVisit(record.id);
    const correction = makeVisit(record.id, { id: newId(), correctionOf: visit.id, notes: 'Seen after all' });
    const reply = await sync(
      server.app,
      makeSyncRequest({
        mutations: [create('case', record), create('homeVisit', visit), create('homeVisit', correction)],
      }),
    );
    expect(reply.results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await readStoredFields(server.db, 'homeVisit', correction.id)).toEqual(wireFields(correction));
  });

  it('rejects a visit that arrives before the case it names', async () => {
    const record = makeCaseRecord(studentId, TEST_SCHOOL_ID);
    const visit = makeVisit(record.id);
    const reply = await sync(
      server.app,
      makeSyncRequest({ mutations: [create('homeVisit', visit), create('case', record)] }),
    );
    expect(reply.results.map((result) => [result.status, result.code])).toEqual([
      ['rejected', 'invalid_fields'],
      ['applied', undefined],
    ]);
  });

  it.each([
    ['caseEvent', () => ({ id: newId(), ...makeCaseEvent(caseId) }), { at: '2026-11-04' }],
    ['screening', () => makeScreening(studentId), { level: 'low' }],
    ['homeVisit', () => makeVisit(caseId), { notes: 'edited' }],
  ] as const)('refuses a set on a %s (append-only) and writes nothing', async (entity, build, fields) => {
    const record = build();
    await sync(server.app, makeSyncRequest({ mutations: [create(entity, record)] }));
    const before = await countRows(server.db);
    const edit = mutationOf(entity, record.id, 'set', fields);
    const reply = await sync(server.app, makeSyncRequest({ mutations: [edit] }));
    expect(reply.results).toEqual([{ id: edit.id, status: 'rejected', code: 'append_only' }]);
    expect(await readStoredFields(server.db, entity, record.id)).toEqual(wireFields(record));
    expect(await countRows(server.db)).toEqual({ ...before, applied_mutation: before.applied_mutation + 1 });
  });

  const missing = '99999999-0000-4000-8000-00000000dead';
  it.each([
    ['case.studentId', () => create('case', makeCaseRecord(missing, TEST_SCHOOL_ID))],
    ['case.schoolId', () => create('case', makeCaseRecord(studentId, missing))],
    ['caseEvent.caseId', () => create('caseEvent', { id: newId(), ...makeCaseEvent(missing) })],
    ['screening.studentId', () => create('screening', makeScreening(missing))],
    ['homeVisit.caseId', () => create('homeVisit', makeVisit(missing))],
    ['homeVisit.correctionOf', () => create('homeVisit', makeVisit(caseId, { correctionOf: missing }))],
    ['planAction.caseId', () => create('planAction', makePlanAction(missing))],
    ['referral.caseId', () => create('referral', makeReferral(missing))],
    ['a set of case.studentId', () => mutationOf('case', caseId, 'set', { studentId: missing })],
  ])('rejects %s naming a record the server does not hold', async (_name, build) => {
    const mutation = build();
    const before = await countRows(server.db);
    const reply = await sync(server.app, makeSyncRequest({ mutations: [mutation] }));
    expect(reply.results).toEqual([{ id: mutation.id, status: 'rejected', code: 'invalid_fields' }]);
    expect((await countRows(server.db)).change_log).toBe(before.change_log);
  });

  it('rejects a create that lacks a field of the record', async () => {
    const record = makeCaseRecord(studentId, TEST_SCHOOL_ID);
    const fields = wireFields(record);
    delete fields.closureReason;
    const mutation = mutationOf('case', record.id, 'create', fields);
    const reply = await sync(server.app, makeSyncRequest({ mutations: [mutation] }));
    expect(reply.results).toEqual([{ id: mutation.id, status: 'rejected', code: 'invalid_fields' }]);
  });

  it('refuses a field value no record type allows as a malformed request', async () => {
    const mutation = mutationOf('case', caseId, 'set', { status: 'forgotten' });
    const response = await postSync(server.app, makeSyncRequest({ mutations: [mutation] }));
    expect(response.statusCode).toBe(400);
    expect(await readStoredFields(server.db, 'case', caseId)).toMatchObject({ status: 'flagged' });
  });

  it('delivers a status change and an answered referral to another device as field changes', async () => {
    const referral = makeReferral(caseId);
    await sync(server.app, makeSyncRequest({ mutations: [create('referral', referral)] }));
    const { nextCursor } = await sync(server.app, makeSyncRequest({ clientId: OTHER_CLIENT_ID }));

    const answer = { status: 'accepted', respondedAt: '2026-11-05', respondedBy: USER_ID, responseNote: '' };
    const opened = { status: 'open', caseManagerId: USER_ID, openedAt: '2026-11-03' };
    const reply = await sync(
      server.app,
      makeSyncRequest({
        mutations: [mutationOf('referral', referral.id, 'set', answer), mutationOf('case', caseId, 'set', opened)],
      }),
    );
    expect(reply.results.map((result) => result.status)).toEqual(['applied', 'applied']);

    const pulled = await sync(server.app, makeSyncRequest({ clientId: OTHER_CLIENT_ID, cursor: nextCursor }));
    expect(pulled.changes.map((change) => [change.entity, change.fields])).toEqual([
      ['referral', answer],
      ['case', opened],
    ]);
  });
});
