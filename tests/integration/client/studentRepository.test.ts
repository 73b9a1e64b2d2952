import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isHlc, nodeIdFrom } from '../../../src/domain/hlc.ts';
import { SCHEMA_VERSION } from '../../../src/sync/protocol.ts';
import { createStudent, listStudents, updateStudent } from '../../../src/storage/studentRepository.ts';
import { getClientId } from '../../../src/storage/syncMeta.ts';
import { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { freshDatabase, makeStudentFields, UUID_V7 } from '../../support/clientFixtures.ts';

let db: UraDatabase;

beforeEach(() => {
  db = freshDatabase();
});

afterEach(async () => {
  await db.delete();
});

describe('createStudent', () => {
  it('writes the student and exactly one create mutation to the outbox', async () => {
    const fields = makeStudentFields();
    const id = await createStudent(db, fields);

    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    const clientId = await getClientId(db);
    expect(row).toMatchObject({ state: 'pending', attempts: 0 });
    expect(row?.mutation).toEqual({
      id: expect.stringMatching(UUID_V7),
      clientId,
      hlc: expect.any(String),
      schema: SCHEMA_VERSION,
      entity: 'student',
      entityId: id,
      op: 'create',
      fields,
    });
    const hlc = row?.mutation.hlc ?? '';
    expect(isHlc(hlc)).toBe(true);
    expect(hlc.endsWith(nodeIdFrom(clientId))).toBe(true);

    expect(id).toMatch(UUID_V7);
    expect(clientId).toMatch(UUID_V7);
    const student = await db.students.get(id);
    expect(student).toMatchObject({ ...fields, id, searchKey: 'marko jovanovic' });
    expect(Object.keys(student?.hlcs ?? {}).sort()).toEqual(Object.keys(fields).sort());
    expect(new Set(Object.values(student?.hlcs ?? {}))).toEqual(new Set([hlc]));
  });

  it('writes neither the student nor the outbox row when the outbox write fails', async () => {
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(createStudent(db, makeStudentFields())).rejects.toThrow('disk full');

    expect(await db.students.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    // The clock tick of the failed write was rolled back with it.
    expect(await db.meta.get('hlc')).toBeUndefined();
  });

  it('writes nothing when the student write fails', async () => {
    db.students.hook('creating', () => {
      throw new Error('broken');
    });
    await expect(createStudent(db, makeStudentFields())).rejects.toThrow('broken');
    expect(await db.students.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('updateStudent', () => {
  it('writes only the changed fields to the outbox as a set', async () => {
    const fields = makeStudentFields();
    const id = await createStudent(db, fields);
    const created = await db.students.get(id);

    const count = await updateStudent(db, id, { ...fields, familyName: 'Petrović', grade: 5 });

    expect(count).toBe(2);
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows).toHaveLength(2);
    const update = rows[1]?.mutation;
    expect(update).toMatchObject({ entity: 'student', entityId: id, op: 'set' });
    expect(update?.fields).toEqual({ familyName: 'Petrović', grade: 5 });
    expect(update?.id).not.toBe(rows[0]?.mutation.id);

    const student = await db.students.get(id);
    expect(student).toMatchObject({ ...fields, familyName: 'Petrović', grade: 5 });
    expect(student?.hlcs).toEqual({ ...created?.hlcs, familyName: update?.hlc, grade: update?.hlc });
  });

  it('updates the search key when the student is renamed', async () => {
    const id = await createStudent(db, makeStudentFields());
    await updateStudent(db, id, makeStudentFields({ givenName: 'Đorđe', familyName: 'Ćirić' }));
    expect((await db.students.get(id))?.searchKey).toBe('dorde ciric');
  });

  it('writes nothing when nothing changed', async () => {
    const fields = makeStudentFields();
    const id = await createStudent(db, fields);
    const before = await db.students.get(id);
    const hlcBefore = await db.meta.get('hlc');

    expect(await updateStudent(db, id, { ...fields })).toBe(0);

    expect(await db.outbox.count()).toBe(1);
    expect(await db.students.get(id)).toEqual(before);
    expect(await db.meta.get('hlc')).toEqual(hlcBefore);
  });

  it('refuses to update a student that is not on the device', async () => {
    await expect(updateStudent(db, crypto.randomUUID(), makeStudentFields())).rejects.toThrow('student not found');
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('studentRepository clock and identity', () => {
  it('stamps each write with a later HLC, even when the clock stands still or goes back', async () => {
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(Date.parse('2026-11-23T10:00:00Z'));
    const id = await createStudent(db, makeStudentFields());
    await updateStudent(db, id, makeStudentFields({ grade: 5 }));
    now.mockReturnValue(Date.parse('2026-11-23T09:00:00Z'));
    await updateStudent(db, id, makeStudentFields({ grade: 6 }));
    await createStudent(db, makeStudentFields({ givenName: 'Ana' }));

    const hlcs = (await db.outbox.orderBy('seq').toArray()).map((row) => row.mutation.hlc);
    expect(hlcs).toHaveLength(4);
    expect([...new Set(hlcs)].sort()).toEqual(hlcs);
  });

  it('keeps one client id for every write and across restarts', async () => {
    const id = await createStudent(db, makeStudentFields());
    await updateStudent(db, id, makeStudentFields({ grade: 7 }));
    const clientId = await getClientId(db);
    const rows = await db.outbox.toArray();
    expect(rows.map((row) => row.mutation.clientId)).toEqual([clientId, clientId]);

    db.close();
    const reopened = new UraDatabase(db.name);
    reopened.dataKey.unlock(db.dataKey.keyForWrapping());
    expect(await getClientId(reopened)).toBe(clientId);
    reopened.close();
  });

  it('lists students by family name', async () => {
    await createStudent(db, makeStudentFields({ familyName: 'Petrović' }));
    await createStudent(db, makeStudentFields({ familyName: 'Berisha' }));
    await createStudent(db, makeStudentFields({ familyName: 'Krasniqi' }));
    expect((await listStudents(db)).map((s) => s.familyName)).toEqual(['Berisha', 'Krasniqi', 'Petrović']);
  });
});
