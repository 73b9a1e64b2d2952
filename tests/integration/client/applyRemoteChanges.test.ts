import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRemoteChanges } from '../../../src/storage/applyRemoteChanges.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import { getCursor } from '../../../src/storage/syncMeta.ts';
import type { StudentFields } from '../../../src/domain/student.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import type { Change } from '../../../src/sync/protocol.ts';
import { changeOf, freshDatabase, localizedName, makeStudentFields, remoteHlc } from '../../support/clientFixtures.ts';

const STUDENT_ID = '0190a1b2-0000-7000-8000-000000000001';
const SCHOOL_ID = '0190a1b2-0000-7000-8000-000000000002';
const MUNICIPALITY_ID = '0190a1b2-0000-7000-8000-000000000003';
const PAST = Date.parse('2025-01-01T00:00:00Z');

let db: UraDatabase;

beforeEach(() => {
  db = freshDatabase();
});

afterEach(async () => {
  await db.delete();
});

function firstPage(hlc = remoteHlc(PAST)): Change[] {
  return [
    changeOf('municipality', MUNICIPALITY_ID, { name: localizedName('Gračanica', 'Грачаница'), country: 'XK' }, hlc),
    changeOf(
      'school',
      SCHOOL_ID,
      { name: localizedName('OŠ „Kralj Milutin“'), municipalityId: MUNICIPALITY_ID, country: 'XK' },
      hlc,
    ),
    changeOf('student', STUDENT_ID, makeStudentFields({ givenName: 'Јелена', familyName: 'Ђорђевић' }), hlc),
  ];
}

async function snapshot() {
  return {
    students: await db.students.toArray(),
    schools: await db.schools.toArray(),
    municipalities: await db.municipalities.toArray(),
    cursor: await getCursor(db),
  };
}

describe('applyRemoteChanges', () => {
  it('creates students, schools and municipalities and moves the cursor', async () => {
    const hlc = remoteHlc(PAST);
    await applyRemoteChanges(db, firstPage(hlc), 17);

    expect(await db.municipalities.get(MUNICIPALITY_ID)).toEqual({
      id: MUNICIPALITY_ID,
      name: localizedName('Gračanica', 'Грачаница'),
      country: 'XK',
      hlcs: { name: hlc, country: hlc },
    });
    expect(await db.schools.get(SCHOOL_ID)).toMatchObject({ municipalityId: MUNICIPALITY_ID, country: 'XK' });
    const student = await db.students.get(STUDENT_ID);
    expect(student).toMatchObject({ givenName: 'Јелена', familyName: 'Ђорђевић', grade: 4 });
    expect(student?.searchKey).toBe('jelena dordevic');
    expect(student?.hlcs.dateOfBirth).toBe(hlc);
    expect(await getCursor(db)).toBe(17);
  });

  it('leaves records and cursor untouched when the page cannot be stored whole', async () => {
    db.students.hook('creating', () => {
      throw new Error('broken');
    });
    await expect(applyRemoteChanges(db, firstPage(), 17)).rejects.toThrow('broken');

    expect(await db.municipalities.count()).toBe(0);
    expect(await db.schools.count()).toBe(0);
    expect(await getCursor(db)).toBe(0);
  });

  it('moves the cursor for an empty page', async () => {
    await applyRemoteChanges(db, [], 5);
    expect(await getCursor(db)).toBe(5);
  });

  it('keeps a newer local edit and takes a newer remote one, field by field', async () => {
    const id = await createStudent(db, makeStudentFields());
    const local = await db.students.get(id);
    const later = remoteHlc(Date.now() + 60_000);

    await applyRemoteChanges(
      db,
      [
        changeOf('student', id, { givenName: 'Stale' }, remoteHlc(PAST)),
        changeOf('student', id, { familyName: 'Petrović', grade: 6 }, later),
      ],
      3,
    );

    const student = await db.students.get(id);
    expect(student).toEqual({
      ...local,
      familyName: 'Petrović',
      grade: 6,
      hlcs: { ...local?.hlcs, familyName: later, grade: later },
      searchKey: 'marko petrovic',
      updatedAt: expect.any(Number),
    });
  });

  it('takes the newer of two writes to one field within a page', async () => {
    await applyRemoteChanges(
      db,
      [
        changeOf('student', STUDENT_ID, makeStudentFields({ grade: 3 }), remoteHlc(PAST + 1000)),
        changeOf('student', STUDENT_ID, { grade: 2 }, remoteHlc(PAST)),
      ],
      2,
    );
    expect((await db.students.get(STUDENT_ID))?.grade).toBe(3);
  });

  it('changes nothing when the same page is applied again', async () => {
    const page = firstPage();
    await applyRemoteChanges(db, page, 17);
    const before = await snapshot();

    await applyRemoteChanges(db, page, 17);

    expect(await snapshot()).toEqual(before);
  });

  it('moves the device clock past remote timestamps, so the next local write sorts after them', async () => {
    const ahead = remoteHlc(Date.now() + 10 * 60_000, 42);
    await applyRemoteChanges(db, [changeOf('school', SCHOOL_ID, { country: 'RS' }, ahead)], 1);

    await createStudent(db, makeStudentFields());

    const [row] = await db.outbox.toArray();
    expect((row?.mutation.hlc ?? '') > ahead).toBe(true);
  });

  it('holds "not recorded" for a field the server withholds, and takes the value when it arrives', async () => {
    const visible: Partial<StudentFields> = makeStudentFields({ community: 'roma' });
    delete visible.community;
    await applyRemoteChanges(db, [changeOf('student', STUDENT_ID, visible, remoteHlc(PAST))], 1);

    expect((await db.students.get(STUDENT_ID))?.community).toBe('');

    await applyRemoteChanges(db, [changeOf('student', STUDENT_ID, { community: 'roma' }, remoteHlc(PAST, 1))], 2);
    expect((await db.students.get(STUDENT_ID))?.community).toBe('roma');
  });
});
