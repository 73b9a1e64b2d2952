import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isHlc } from '../../../src/domain/hlc.ts';
import type { StudentFields } from '../../../src/domain/student.ts';
import { importRosterStudents, loadRosterContext } from '../../../src/storage/rosterImport.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import { getClientId } from '../../../src/storage/syncMeta.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { SCHEMA_VERSION } from '../../../src/sync/protocol.ts';
import { freshDatabase, makeStudentFields, seedSchool, UUID_V7 } from '../../support/clientFixtures.ts';

let db: UraDatabase;

beforeEach(() => {
  db = freshDatabase();
});

afterEach(async () => {
  await db.delete();
});

function classOf(count: number): StudentFields[] {
  return Array.from({ length: count }, (_, index) =>
    makeStudentFields({ givenName: `Arbër ${index}`, familyName: index % 2 ? 'Krasniqi' : 'Петровић' }),
  );
}

/** What is on the device besides the clock: students, outbox rows, and the HLC stored in meta. */
async function snapshot() {
  return {
    students: await db.students.count(),
    outbox: await db.outbox.count(),
    hlc: (await db.meta.get('hlc'))?.value,
  };
}

describe('importRosterStudents', () => {
  it('registers every student with its outbox create row, in order, each with its own HLC', async () => {
    const students = classOf(600);
    const progress: number[] = [];
    const ids = await importRosterStudents(db, students, (written) => progress.push(written));

    expect(ids).toHaveLength(600);
    expect(new Set(ids).size).toBe(600);
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    expect(progress).toEqual([250, 500, 600]);

    const clientId = await getClientId(db);
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((row) => row.mutation)).toEqual(
      students.map((fields, index) => ({
        id: expect.stringMatching(UUID_V7),
        clientId,
        hlc: expect.any(String),
        schema: SCHEMA_VERSION,
        entity: 'student',
        entityId: ids[index],
        op: 'create',
        fields,
      })),
    );
    expect(rows.every((row) => row.state === 'pending' && row.attempts === 0)).toBe(true);
    const hlcs = rows.map((row) => row.mutation.hlc);
    expect(hlcs.every(isHlc)).toBe(true);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(600);

    const stored = await db.students.get(ids[1]!);
    expect(stored).toMatchObject({ ...students[1], id: ids[1], searchKey: 'arber 1 krasniqi' });
    expect(new Set(Object.values(stored?.hlcs ?? {}))).toEqual(new Set([hlcs[1]]));
    expect(Object.keys(stored?.hlcs ?? {}).sort()).toEqual(Object.keys(students[1]!).sort());
    expect((await db.students.get(ids[0]!))?.searchKey).toBe('arber 0 petrovic');
  });

  it('keeps the device clock moving forward: the next ordinary write sorts after the import', async () => {
    await importRosterStudents(db, classOf(3));
    await createStudent(db, makeStudentFields());
    const hlcs = (await db.outbox.orderBy('seq').toArray()).map((row) => row.mutation.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(4);
  });

  it('writes nothing at all when a row mid-import makes the transaction fail', async () => {
    await createStudent(db, makeStudentFields({ givenName: 'Already', familyName: 'Here' }));
    const before = await snapshot();
    const students = classOf(600);
    // A value IndexedDB cannot store (sealing turns the row into JSON, which refuses a BigInt): row 400.
    students[400] = { ...students[400]!, grade: 7n as unknown as number };

    await expect(importRosterStudents(db, students)).rejects.toThrow();

    expect(await snapshot()).toEqual(before);
    expect((await db.students.toArray()).map((student) => student.givenName)).toEqual(['Already']);
  });

  it('writes nothing when the outbox refuses a row after the first students were added', async () => {
    let seen = 0;
    db.outbox.hook('creating', () => {
      seen += 1;
      if (seen === 300) throw new Error('disk full');
    });
    await expect(importRosterStudents(db, classOf(600))).rejects.toThrow('disk full');
    expect(await snapshot()).toEqual({ students: 0, outbox: 0, hlc: undefined });
  });

  it('writes nothing for an empty list', async () => {
    expect(await importRosterStudents(db, [])).toEqual([]);
    expect(await snapshot()).toEqual({ students: 0, outbox: 0, hlc: undefined });
  });
});

describe('loadRosterContext', () => {
  it('gives the students on the device, the schools, and each class name as stored', async () => {
    const school = await seedSchool(db);
    await createStudent(db, makeStudentFields({ schoolId: school.id, grade: 7, className: 'VII-a' }));
    const context = await loadRosterContext(db);
    expect(context.known).toEqual([{ searchKey: 'marko jovanovic', dateOfBirth: makeStudentFields().dateOfBirth }]);
    expect(context.schools.map((row) => row.id)).toEqual([school.id]);
    expect(context.classNames.get(`${school.id}|7|vii-a`)).toBe('VII-a');
  });
});
