import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendToOutbox,
  countPending,
  countRejected,
  markAttempted,
  oldestPendingAt,
  pendingMutations,
  settleOutbox,
} from '../../../src/storage/outbox.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { parseHlc } from '../../../src/domain/hlc.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import { recordSyncSuccess } from '../../../src/storage/syncMeta.ts';
import { freshDatabase, makeStudentFields } from '../../support/clientFixtures.ts';

let db: UraDatabase;

beforeEach(() => {
  db = freshDatabase();
});

afterEach(async () => {
  await db.delete();
});

/** Appends `count` create mutations and returns their ids in the order they were made. */
async function appendMany(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const mutation = await appendToOutbox(db, {
      entity: 'student',
      entityId: crypto.randomUUID(),
      op: 'create',
      fields: makeStudentFields({ givenName: `Student ${i}` }),
    });
    ids.push(mutation.id);
  }
  return ids;
}

const idsOf = async (limit = 100) => (await pendingMutations(db, limit)).map((row) => row.mutation.id);

describe('outbox', () => {
  it('returns pending mutations oldest first, up to the limit', async () => {
    const ids = await appendMany(5);
    expect(await idsOf()).toEqual(ids);
    expect(await idsOf(2)).toEqual(ids.slice(0, 2));
  });

  it('stamps every appended mutation with a later HLC', async () => {
    await appendMany(4);
    const hlcs = (await pendingMutations(db, 10)).map((row) => row.mutation.hlc);
    expect([...new Set(hlcs)].sort()).toEqual(hlcs);
  });

  it('removes applied and duplicate rows and keeps rejected ones with their code', async () => {
    const [applied, duplicate, rejected, unanswered] = await appendMany(4);
    await settleOutbox(db, [
      { id: applied ?? '', status: 'applied' },
      { id: duplicate ?? '', status: 'duplicate' },
      { id: rejected ?? '', status: 'rejected', code: 'invalid_fields' },
    ]);

    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((row) => [row.mutation.id, row.state, row.rejectionCode])).toEqual([
      [rejected, 'rejected', 'invalid_fields'],
      [unanswered, 'pending', undefined],
    ]);
    expect(await countPending(db)).toBe(1);
    expect(await countRejected(db)).toBe(1);
  });

  it('takes rejected rows out of the queue so they never block it', async () => {
    const [first, second, third] = await appendMany(3);
    await settleOutbox(db, [{ id: first ?? '', status: 'rejected', code: 'not_found' }]);

    expect(await idsOf()).toEqual([second, third]);
    expect(await idsOf(1)).toEqual([second]);
  });

  it('records a rejection without a code as unknown', async () => {
    const [id] = await appendMany(1);
    await settleOutbox(db, [{ id: id ?? '', status: 'rejected' }]);
    expect((await db.outbox.toArray())[0]?.rejectionCode).toBe('unknown');
  });

  it('leaves rows the server did not answer pending, and ignores unknown ids', async () => {
    const ids = await appendMany(3);
    await settleOutbox(db, [{ id: crypto.randomUUID(), status: 'applied' }]);
    expect(await idsOf()).toEqual(ids);
    expect(await countRejected(db)).toBe(0);
  });

  it('counts an attempt on rows that were sent but not answered', async () => {
    await appendMany(3);
    const [first, second] = await pendingMutations(db, 2);
    await markAttempted(db, [first?.seq ?? -1, second?.seq ?? -1]);
    await markAttempted(db, [first?.seq ?? -1]);
    expect((await db.outbox.orderBy('seq').toArray()).map((row) => row.attempts)).toEqual([2, 1, 0]);
  });

  it('stamps a change refused for a clock that ran ahead afresh and keeps it queued with a new id', async () => {
    const studentId = await createStudent(db, makeStudentFields());
    const [row] = await db.outbox.toArray();
    const refused = row!.mutation;
    // The refusal arrives after the offset from the server was measured: the phone was three days ahead.
    await recordSyncSuccess(db, Date.now() - 3 * 24 * 3600 * 1000, 10);

    expect(await settleOutbox(db, [{ id: refused.id, status: 'rejected', code: 'clock_ahead' }])).toBe(1);

    const [queued] = await db.outbox.toArray();
    expect(queued).toMatchObject({ state: 'pending', mutation: { entityId: studentId, fields: refused.fields } });
    expect(queued?.rejectionCode).toBeUndefined();
    expect(queued?.mutation.id).not.toBe(refused.id);
    expect(parseHlc(queued!.mutation.hlc).millis).toBeLessThan(parseHlc(refused.hlc).millis - 2 * 24 * 3600 * 1000);
    const student = await db.students.get(studentId);
    expect(new Set(Object.values(student!.hlcs))).toEqual(new Set([queued!.mutation.hlc]));
  });
});

describe('oldestPendingAt', () => {
  it('is undefined while nothing waits', async () => {
    expect(await oldestPendingAt(db)).toBeUndefined();
  });

  it('gives when the oldest waiting change was saved, passing over refused ones', async () => {
    const [first, second, third] = await appendMany(3);
    const rows = await db.outbox.orderBy('seq').toArray();
    const day = 24 * 3600 * 1000;
    await db.outbox.update(rows[0]!.seq, { createdAt: Date.now() - 9 * day });
    await db.outbox.update(rows[1]!.seq, { createdAt: Date.now() - 5 * day });
    await db.outbox.update(rows[2]!.seq, { createdAt: Date.now() - 1 * day });
    const secondSavedAt = (await db.outbox.get(rows[1]!.seq))!.createdAt;

    await settleOutbox(db, [{ id: first ?? '', status: 'rejected', code: 'invalid_fields' }]);
    expect(await oldestPendingAt(db)).toBe(secondSavedAt);

    await settleOutbox(db, [
      { id: second ?? '', status: 'applied' },
      { id: third ?? '', status: 'applied' },
    ]);
    expect(await oldestPendingAt(db)).toBeUndefined();
  });
});
