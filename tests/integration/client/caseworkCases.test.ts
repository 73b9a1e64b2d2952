import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseHistory, createCase, getCase, transitionCase } from '../../../src/storage/caseRepository.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { USER_ID } from '../../support/caseworkFixtures.ts';
import { freshDatabase, makeStudentFields } from '../../support/clientFixtures.ts';
import { flagCaseOn, openCaseOn, outboxAfterStudent } from '../../support/caseworkDevice.ts';
import { deviceSnapshot } from '../../support/deviceSnapshot.ts';

let db: UraDatabase;
let studentId: string;

beforeEach(async () => {
  db = freshDatabase();
  studentId = await createStudent(db, makeStudentFields());
});

afterEach(async () => {
  await db.delete();
});

describe('createCase', () => {
  it("flags a case at the student's school and queues its create in the same write", async () => {
    const id = newRecordId();
    expect(await createCase(db, { id, studentId, trigger: 'absence', at: '2026-11-02' })).toBe('added');

    const stored = await getCase(db, id);
    expect(stored).toMatchObject({ id, studentId, schoolId: makeStudentFields().schoolId, status: 'flagged' });
    const [mutation, ...rest] = await outboxAfterStudent(db);
    expect(rest).toEqual([]);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { id: _id, hlcs, ...fields } = stored!;
    expect(mutation).toMatchObject({ entity: 'case', entityId: id, op: 'create', fields });
    expect(new Set(Object.values(hlcs))).toEqual(new Set([mutation?.hlc]));
    expect(Object.keys(hlcs).sort()).toEqual(Object.keys(fields).sort());
  });

  it('stores one case when save is tapped twice with the same id', async () => {
    const id = newRecordId();
    await createCase(db, { id, studentId, trigger: 'absence', at: '2026-11-02' });
    const before = await deviceSnapshot(db);
    expect(await createCase(db, { id, studentId, trigger: 'absence', at: '2026-11-02' })).toBe('alreadyAdded');
    expect(await deviceSnapshot(db)).toEqual(before);
  });

  it('refuses a student who is not on the device and writes nothing', async () => {
    const before = await deviceSnapshot(db);
    await expect(
      createCase(db, { id: newRecordId(), studentId: newRecordId(), trigger: 'absence', at: '2026-11-02' }),
    ).rejects.toThrow('student not found');
    expect(await deviceSnapshot(db)).toEqual(before);
  });

  it('writes nothing when the outbox write fails', async () => {
    const before = await deviceSnapshot(db);
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(
      createCase(db, { id: newRecordId(), studentId, trigger: 'absence', at: '2026-11-02' }),
    ).rejects.toThrow('disk full');
    expect(await deviceSnapshot(db)).toEqual(before);
  });
});

describe('transitionCase', () => {
  it('writes the changed case fields as a set and the status change as a caseEvent, in one write', async () => {
    const id = await flagCaseOn(db, studentId);
    const before = await getCase(db, id);

    const result = await transitionCase(db, id, 'open', { at: '2026-11-03', caseManagerId: USER_ID });

    expect(result).toMatchObject({
      ok: true,
      case: { status: 'open', openedAt: '2026-11-03', caseManagerId: USER_ID },
    });
    const mutations = (await outboxAfterStudent(db)).slice(1);
    expect(mutations).toHaveLength(2);
    const [set, event] = mutations;
    expect(set).toMatchObject({ entity: 'case', entityId: id, op: 'set' });
    expect(set?.fields).toEqual({ status: 'open', caseManagerId: USER_ID, openedAt: '2026-11-03' });
    const eventId = result.ok ? result.eventId : '';
    expect(event).toMatchObject({ entity: 'caseEvent', entityId: eventId, op: 'create' });
    expect(event?.fields).toEqual({
      caseId: id,
      from: 'flagged',
      to: 'open',
      at: '2026-11-03',
      closureReason: null,
      caseManagerId: USER_ID,
    });
    expect(await db.caseEvents.get(eventId)).toMatchObject(event?.fields ?? {});

    const after = await getCase(db, id);
    expect(after?.hlcs).toEqual({
      ...before?.hlcs,
      status: set?.hlc,
      caseManagerId: set?.hlc,
      openedAt: set?.hlc,
    });
  });

  it.each([
    ['a step the workflow does not allow', 'assessed', {}, 'transitionNotAllowed'],
    ['opening without a case manager', 'open', {}, 'caseManagerRequired'],
    ['closing without a reason', 'closed', {}, 'closureReasonRequired'],
    ['a date before the flag', 'closed', { closureReason: 'movedAbroad', at: '2026-10-01' }, 'dateBeforeLastChange'],
  ] as const)('refuses %s with the domain code and writes nothing', async (_name, to, extra, code) => {
    const id = await flagCaseOn(db, studentId);
    const before = await deviceSnapshot(db);
    expect(await transitionCase(db, id, to, { at: '2026-11-03', ...extra })).toEqual({ ok: false, code });
    expect(await deviceSnapshot(db)).toEqual(before);
  });

  it('writes neither the case nor the event when the event cannot be queued', async () => {
    const id = await flagCaseOn(db, studentId);
    const before = await deviceSnapshot(db);
    // The case's set is queued first; failing on the event's row proves the case write is rolled back too.
    db.outbox.hook('creating', (_key, row) => {
      if (row.mutation.entity === 'caseEvent') throw new Error('disk full');
    });
    await expect(transitionCase(db, id, 'open', { at: '2026-11-03', caseManagerId: USER_ID })).rejects.toThrow(
      'disk full',
    );
    expect(await deviceSnapshot(db)).toEqual(before);
  });

  it('keeps every step of a reopened case in its history, oldest first', async () => {
    const id = await openCaseOn(db, studentId);
    await transitionCase(db, id, 'closed', { at: '2026-11-10', closureReason: 'attendanceNormal' });
    await transitionCase(db, id, 'open', { at: '2026-12-01' });

    expect((await caseHistory(db, id)).map((event) => [event.from, event.to, event.at])).toEqual([
      ['flagged', 'open', '2026-11-03'],
      ['open', 'closed', '2026-11-10'],
      ['closed', 'open', '2026-12-01'],
    ]);
    expect(await getCase(db, id)).toMatchObject({
      status: 'open',
      reopenCount: 1,
      closedAt: null,
      closureReason: null,
    });
  });
});
