import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isHlc } from '../../../src/domain/hlc.ts';
import type { SyncResponse } from '../../../src/sync/protocol.ts';
import {
  addSchool,
  makeHlc,
  makeMutation,
  makeSyncRequest,
  OTHER_CLIENT_ID,
  newId,
  startTestServer,
  sync,
  TEST_SCHOOL_ID,
  type TestServer,
} from '../../support/serverFixtures.ts';

describe('POST /api/sync (pull)', () => {
  let server: TestServer;
  let startCursor: number;
  beforeEach(async () => {
    server = await startTestServer();
    // Start after the test school, so each test sees only its own changes.
    startCursor = (await sync(server.app, makeSyncRequest())).nextCursor;
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('returns the test school from cursor 0 with its HLC', async () => {
    const reply = await sync(server.app, makeSyncRequest({ cursor: 0 }));
    expect(reply.changes).toHaveLength(1);
    expect(reply.changes[0]).toMatchObject({
      entity: 'school',
      entityId: TEST_SCHOOL_ID,
      fields: { name: 'Test school' },
    });
    expect(isHlc(reply.changes[0]?.hlcs.name)).toBe(true);
    expect(reply.hasMore).toBe(false);
    expect(reply.nextCursor).toBe(startCursor);
  });

  it('pages through 30 changes in 3 pages of 10 without missing or repeating any', async () => {
    const schoolIds = Array.from({ length: 30 }, () => newId());
    for (const id of schoolIds) await addSchool(server.db, id);

    const pages: SyncResponse[] = [];
    let cursor = startCursor;
    for (let round = 0; round < 5; round++) {
      const page = await sync(server.app, makeSyncRequest({ cursor, limit: 10 }));
      pages.push(page);
      expect(page.nextCursor).toBeGreaterThan(cursor);
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }

    expect(pages.map((page) => page.hasMore)).toEqual([true, true, false]);
    expect(pages.map((page) => page.changes.length)).toEqual([10, 10, 10]);
    expect(pages.flatMap((page) => page.changes.map((change) => change.entityId))).toEqual(schoolIds);
    const after = await sync(server.app, makeSyncRequest({ cursor, limit: 10 }));
    expect(after).toMatchObject({ changes: [], hasMore: false, nextCursor: cursor });
  });

  it('groups a page into one change per record, with the latest value of each field', async () => {
    const create = makeMutation({ hlc: makeHlc(0) });
    const edit = makeMutation({ op: 'set', entityId: create.entityId, hlc: makeHlc(1), fields: { grade: 9 } });
    const other = makeMutation({ hlc: makeHlc(2) });
    await sync(server.app, makeSyncRequest({ mutations: [create, edit, other] }));
    const reply = await sync(server.app, makeSyncRequest({ clientId: OTHER_CLIENT_ID, cursor: startCursor }));

    expect(reply.changes.map((change) => change.entityId)).toEqual([create.entityId, other.entityId]);
    expect(reply.changes[0]).toEqual({
      entity: 'student',
      entityId: create.entityId,
      fields: { ...create.fields, grade: 9 },
      hlcs: { ...Object.fromEntries(Object.keys(create.fields).map((field) => [field, create.hlc])), grade: edit.hlc },
    });
  });

  it('splits a record across pages when the limit falls inside it', async () => {
    const create = makeMutation();
    await sync(server.app, makeSyncRequest({ mutations: [create] }));
    const first = await sync(server.app, makeSyncRequest({ clientId: OTHER_CLIENT_ID, cursor: startCursor, limit: 4 }));
    const rest = await sync(
      server.app,
      makeSyncRequest({ clientId: OTHER_CLIENT_ID, cursor: first.nextCursor, limit: 100 }),
    );
    expect(first.hasMore).toBe(true);
    expect(rest.hasMore).toBe(false);
    expect({ ...first.changes[0]?.fields, ...rest.changes[0]?.fields }).toEqual(create.fields);
    expect(Object.keys(first.changes[0]?.fields ?? {})).toHaveLength(4);
  });

  it("leaves the caller's own changes out of its pull but moves its cursor past them", async () => {
    const mine = makeMutation({ hlc: makeHlc(0) });
    const reply = await sync(server.app, makeSyncRequest({ cursor: startCursor, mutations: [mine] }));
    expect(reply.changes).toEqual([]);
    expect(reply.nextCursor).toBe(startCursor + Object.keys(mine.fields).length);
    const theirs = await sync(server.app, makeSyncRequest({ clientId: OTHER_CLIENT_ID, cursor: startCursor }));
    expect(theirs.changes.map((change) => change.entityId)).toEqual([mine.entityId]);
  });

  it("sends the caller's own changes when it asks for them, as after a scope change, and in no other pull", async () => {
    const mine = makeMutation({ hlc: makeHlc(0) });
    await sync(server.app, makeSyncRequest({ cursor: startCursor, mutations: [mine] }));

    const again = await sync(server.app, makeSyncRequest({ cursor: startCursor, includeOwnWrites: true }));
    expect(again.changes).toEqual([
      {
        entity: 'student',
        entityId: mine.entityId,
        fields: mine.fields,
        hlcs: Object.fromEntries(Object.keys(mine.fields).map((field) => [field, mine.hlc])),
      },
    ]);
    const without = await sync(server.app, makeSyncRequest({ cursor: startCursor, includeOwnWrites: false }));
    expect(without.changes).toEqual([]);
    expect(without.nextCursor).toBe(again.nextCursor);
  });

  it('returns an empty page and keeps the cursor when nothing is new', async () => {
    const reply = await sync(server.app, makeSyncRequest({ cursor: startCursor }));
    expect(reply).toMatchObject({ changes: [], nextCursor: startCursor, hasMore: false });
  });
});
