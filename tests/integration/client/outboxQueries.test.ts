import { waitFor } from '@testing-library/react';
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRemoteChanges } from '../../../src/storage/applyRemoteChanges.ts';
import { addHomeVisit } from '../../../src/storage/homeVisitRepository.ts';
import { countPending, countRejected, markAttempted } from '../../../src/storage/outbox.ts';
import {
  discardRejected,
  exportRejected,
  loadOutboxView,
  retryHelps,
  retryRejected,
} from '../../../src/storage/outboxQueries.ts';
import { addPlanAction, updatePlanActionStatus } from '../../../src/storage/planActionRepository.ts';
import { createStudent, updateStudent } from '../../../src/storage/studentRepository.ts';
import { META_KEYS } from '../../../src/storage/syncMeta.ts';
import type { OutboxRow, UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { flagCaseOn } from '../../support/caseworkDevice.ts';
import { makePlanAction, makeVisitInput } from '../../support/caseworkFixtures.ts';
import { freshDatabase, makeStudentFields } from '../../support/clientFixtures.ts';

let db: UraDatabase;
let studentId: string;

beforeEach(async () => {
  db = freshDatabase();
  studentId = await createStudent(db, makeStudentFields({ givenName: 'Arta', familyName: 'Gashi' }));
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const rows = async (): Promise<OutboxRow[]> => db.outbox.orderBy('seq').toArray();

/**
 * Marks the outbox rows at `indexes` (in seq order) refused with `code`, as a
 * sync leaves them (written directly: settleOutbox re-queues some codes by
 * itself, and rows refused by an older version of the app stay as they were).
 */
async function refuse(indexes: readonly number[], code: string): Promise<OutboxRow[]> {
  const all = await rows();
  const seqs = indexes.map((index) => all[index]!.seq!);
  for (const seq of seqs) await db.outbox.update(seq, { state: 'rejected', rejectionCode: code });
  return (await db.outbox.bulkGet(seqs)).map((row) => row!);
}

/** A phone whose HLC ran ahead of the server and has not caught up. */
async function clockStillAhead(): Promise<void> {
  const state = (await db.meta.get(META_KEYS.hlc))?.value as object;
  await db.meta.put({ key: META_KEYS.hlc, value: { ...state, millis: Date.now() + 3 * 60 * 60 * 1000 } });
}

describe('loadOutboxView', () => {
  it('lists pending and refused changes oldest first, each with the student it is about', async () => {
    const caseId = await flagCaseOn(db, studentId);
    await addHomeVisit(db, makeVisitInput(caseId));
    const action = makePlanAction(caseId);
    await addPlanAction(db, action);
    await updatePlanActionStatus(db, action.id, 'inProgress', { at: '2026-11-10' });
    const [visitRow] = await refuse([2], 'invalid_fields');
    await markAttempted(db, [visitRow!.seq!]);

    const view = await loadOutboxView(db);
    expect(view.pending.map((item) => [item.entity, item.op, item.studentName])).toEqual([
      ['student', 'create', 'Arta Gashi'],
      ['case', 'create', 'Arta Gashi'],
      ['planAction', 'create', 'Arta Gashi'],
      // A set carries no caseId: the name comes through the stored action and its case.
      ['planAction', 'set', 'Arta Gashi'],
    ]);
    expect(view.pending.every((item) => item.rejectionCode === undefined && !item.canRetry)).toBe(true);
    expect(view.rejected).toEqual([
      {
        seq: visitRow!.seq,
        entity: 'homeVisit',
        op: 'create',
        createdAt: visitRow!.createdAt,
        attempts: 1,
        rejectionCode: 'invalid_fields',
        studentName: 'Arta Gashi',
        canRetry: false,
      },
    ]);
  });

  it('offers a retry only for a clock refusal, and only once the clock is right', async () => {
    await updateStudent(db, studentId, makeStudentFields({ givenName: 'Arta', familyName: 'Gashi', grade: 5 }));
    await refuse([0], 'clock_ahead');
    await refuse([1], 'already_exists');
    expect((await loadOutboxView(db)).rejected.map((item) => [item.rejectionCode, item.canRetry])).toEqual([
      ['clock_ahead', true],
      ['already_exists', false],
    ]);
    await clockStillAhead();
    expect((await loadOutboxView(db)).rejected.map((item) => item.canRetry)).toEqual([false, false]);
  });

  it('as a live query, shows a student renamed by a pull while the change waits', async () => {
    const caseId = await flagCaseOn(db, studentId);
    await db.outbox
      .where('seq')
      .equals((await rows())[0]?.seq ?? 0)
      .delete();
    const seen: string[][] = [];
    const subscription = liveQuery(() => loadOutboxView(db)).subscribe((view) =>
      seen.push(view.pending.map((item) => item.studentName ?? '')),
    );
    const waiting = (await rows()).length;
    await waitFor(() => expect(seen.at(-1)).toEqual(Array<string>(waiting).fill('Arta Gashi')));
    const later = `${new Date(Date.now() + 60_000).toISOString()}-0000-aaaaaaaaaaaaaaaa`;

    await applyRemoteChanges(
      db,
      [{ entity: 'student', entityId: studentId, fields: { familyName: 'Berisha' }, hlcs: { familyName: later } }],
      1,
    );

    await waitFor(() => expect(seen.at(-1)).toEqual(Array<string>(waiting).fill('Arta Berisha')));
    subscription.unsubscribe();
    expect(caseId).toBeTruthy();
  });

  it('decides per code that only a clock refusal can change on a second try', () => {
    const codes = ['invalid_fields', 'clock_ahead', 'not_found', 'already_exists', 'append_only', 'unknown'];
    expect(codes.filter((code) => retryHelps(code, true))).toEqual(['clock_ahead']);
    expect(codes.filter((code) => retryHelps(code, false))).toEqual([]);
  });
});

describe('retryRejected', () => {
  it('puts a clock refusal back in the queue as a new mutation, and leaves permanent refusals', async () => {
    await updateStudent(db, studentId, makeStudentFields({ givenName: 'Arta', familyName: 'Gashi', grade: 5 }));
    const [created, changed] = await refuse([0, 1], 'clock_ahead');
    await db.outbox.update(changed!.seq, { rejectionCode: 'invalid_fields' });

    expect(await retryRejected(db, [created!.seq!, changed!.seq!])).toBe(1);

    const [retried, kept] = await rows();
    expect(retried).toMatchObject({ seq: created!.seq, state: 'pending', createdAt: created!.createdAt });
    expect(retried).not.toHaveProperty('rejectionCode');
    expect(retried!.mutation.id).not.toBe(created!.mutation.id);
    expect(retried!.mutation.hlc > created!.mutation.hlc).toBe(true);
    expect(retried!.mutation).toMatchObject({ entity: 'student', entityId: studentId, op: 'create' });
    // What the phone shows now, grade 5 included, and the record's fields carry the new stamp.
    expect(retried!.mutation.fields).toEqual(makeStudentFields({ givenName: 'Arta', familyName: 'Gashi', grade: 5 }));
    expect(Object.values((await db.students.get(studentId))!.hlcs)).toEqual(
      Array(11).fill(retried!.mutation.hlc) as string[],
    );
    expect(kept).toMatchObject({ state: 'rejected', rejectionCode: 'invalid_fields', mutation: changed!.mutation });
  });

  it('changes nothing while the clock is still ahead', async () => {
    const [refused] = await refuse([0], 'clock_ahead');
    await clockStillAhead();
    expect(await retryRejected(db, [refused!.seq!])).toBe(0);
    expect(await rows()).toEqual([refused]);
  });

  it('re-sends only the fields a refused set still shows, and drops a set overtaken by later writes', async () => {
    const base = makeStudentFields({ givenName: 'Arta', familyName: 'Gashi' });
    await updateStudent(db, studentId, { ...base, grade: 5, className: '5-1' });
    await updateStudent(db, studentId, { ...base, grade: 6, className: '5-1' });
    await updateStudent(db, studentId, { ...base, grade: 7, className: '5-1' });
    const [firstSet, secondSet] = await refuse([1, 2], 'clock_ahead');

    expect(await retryRejected(db, [firstSet!.seq!, secondSet!.seq!])).toBe(2);

    const after = await rows();
    // The class is still the first set's; its grade was written twice since. The second set is wholly overtaken.
    expect(after.find((row) => row.seq === firstSet!.seq)?.mutation.fields).toEqual({ className: '5-1' });
    expect(after.some((row) => row.seq === secondSet!.seq)).toBe(false);
    expect(after.map((row) => row.state)).toEqual(['pending', 'pending', 'pending']);
  });

  it('takes along the sets refused as not_found because their record’s create was refused', async () => {
    await updateStudent(db, studentId, makeStudentFields({ givenName: 'Arta', familyName: 'Gashi', grade: 5 }));
    const [created] = await refuse([0], 'clock_ahead');
    await refuse([1], 'not_found');

    expect(await retryRejected(db, [created!.seq!])).toBe(2);
    expect(await countRejected(db)).toBe(0);
    // The create now carries grade 5, so the set has nothing left of its own and leaves the queue.
    const [only, ...others] = await rows();
    expect(others).toEqual([]);
    expect(only!.mutation).toMatchObject({ op: 'create', fields: { grade: 5 } });
  });
});

describe('discardRejected', () => {
  it('deletes refused rows only, never pending ones', async () => {
    await updateStudent(db, studentId, makeStudentFields({ givenName: 'Arta', familyName: 'Gashi', grade: 5 }));
    const [refused] = await refuse([0], 'invalid_fields');
    const pending = (await rows())[1]!;

    expect(await discardRejected(db, [refused!.seq!, pending.seq!])).toBe(1);
    expect(await rows()).toEqual([pending]);
    expect(await countPending(db)).toBe(1);
  });
});

describe('exportRejected', () => {
  it('writes the refused mutations with their codes, the app version and the export time', async () => {
    await updateStudent(db, studentId, makeStudentFields({ givenName: 'Arta', familyName: 'Gashi', grade: 5 }));
    const [refused] = await refuse([0], 'append_only');
    const pending = (await rows())[1]!;
    const now = new Date(2026, 10, 23, 9, 30);

    const file = await exportRejected(db, [refused!.seq!, pending.seq!], now);

    expect(file.fileName).toBe('ura-rejected-2026-11-23.json');
    expect(file.count).toBe(1);
    const document = JSON.parse(file.text) as Record<string, unknown>;
    expect(document).toEqual({
      format: 'ura-rejected-changes',
      appVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      exportedAt: now.toISOString(),
      changes: [
        {
          rejectionCode: 'append_only',
          savedAt: new Date(refused!.createdAt).toISOString(),
          attempts: 0,
          mutation: refused!.mutation,
        },
      ],
    });
  });
});
