import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceLockedError } from '../../../src/storage/crypto/dataKeyHolder.ts';
import { sealExistingRows } from '../../../src/storage/deviceVault.ts';
import { createStudent, getStudent, listStudents } from '../../../src/storage/studentRepository.ts';
import { getClientId } from '../../../src/storage/syncMeta.ts';
import { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { freshDatabase, makeStudentFields } from '../../support/clientFixtures.ts';
import { LEGACY_STORES } from '../../support/legacySchemas.ts';
import { rawRows, stringsIn } from '../../support/rawIndexedDb.ts';

let db: UraDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const SECRET_TEXTS = ['Arbëresha', 'Krasniqi', 'Shqipe Krasniqi', '+383 44 555 123'];
const student = makeStudentFields({
  givenName: 'Arbëresha',
  familyName: 'Krasniqi',
  guardianName: 'Shqipe Krasniqi',
  guardianPhone: '+383 44 555 123',
});

function leaks(rows: unknown[]): string[] {
  return stringsIn(rows).filter((text) => SECRET_TEXTS.some((secret) => text.includes(secret)));
}

describe('rows sealed at rest', () => {
  it('keeps names and phones out of what IndexedDB holds, the outbox included, and reads them back whole', async () => {
    const id = await createStudent(db, student);
    const [raw] = await rawRows(db.name, 'students');
    expect(Object.keys(raw as object).sort()).toEqual(['_sealed', 'id', 'schoolId', 'updatedAt']);
    expect(leaks(await rawRows(db.name, 'students'))).toEqual([]);
    const outbox = await rawRows(db.name, 'outbox');
    expect(outbox).toHaveLength(1);
    expect(Object.keys(outbox[0] as object).sort()).toEqual(['_sealed', 'seq', 'state']);
    expect(leaks(outbox)).toEqual([]);
    expect(await getStudent(db, id)).toMatchObject({ ...student, id });
    expect((await db.outbox.toArray())[0]).toMatchObject({ seq: 1, state: 'pending', mutation: { entityId: id } });
  });

  it('opens rows read by cursor, filtered in memory and changed by modify', async () => {
    const id = await createStudent(db, student);
    await createStudent(db, makeStudentFields({ givenName: 'Jovana' }));
    const found = await db.students.filter((row) => row.givenName === 'Arbëresha').toArray();
    expect(found.map((row) => row.id)).toEqual([id]);
    await db.students.where('id').equals(id).modify({ guardianPhone: '+383 49 000 111' });
    expect((await getStudent(db, id))?.guardianPhone).toBe('+383 49 000 111');
    expect(stringsIn(await rawRows(db.name, 'students')).some((text) => text.includes('000 111'))).toBe(false);
    // Sorted by family name in memory now that no index holds names: Jovanović before Krasniqi.
    expect((await listStudents(db)).map((row) => row.givenName)).toEqual(['Jovana', 'Arbëresha']);
  });

  it('refuses to read or write sealed rows while locked, but still names the device', async () => {
    const id = await createStudent(db, student);
    const clientId = await getClientId(db);
    db.dataKey.lock();
    await expect(getStudent(db, id)).rejects.toBeInstanceOf(DeviceLockedError);
    await expect(createStudent(db, student)).rejects.toBeInstanceOf(DeviceLockedError);
    expect(await getClientId(db)).toBe(clientId);
  });

  it('refuses a row sealed with another key', async () => {
    const id = await createStudent(db, student);
    db.dataKey.unlock(crypto.getRandomValues(new Uint8Array(32)));
    await expect(getStudent(db, id)).rejects.toThrow();
  });
});

describe('a phone that held plain rows before encryption', () => {
  it('reads them as they are, and seals them all once a key exists', async () => {
    const name = `ura-plain-${crypto.randomUUID()}`;
    const legacy = new Dexie(name);
    legacy.version(6).stores(LEGACY_STORES[6] ?? {});
    await legacy
      .table('students')
      .put({ ...student, id: 's1', hlcs: {}, searchKey: 'arberesha krasniqi', updatedAt: 1 });
    legacy.close();
    const upgraded = new UraDatabase(name);
    expect(await upgraded.students.get('s1')).toMatchObject({ givenName: 'Arbëresha' });
    expect(leaks(await rawRows(name, 'students'))).not.toEqual([]);

    upgraded.dataKey.unlock(crypto.getRandomValues(new Uint8Array(32)));
    await sealExistingRows(upgraded);
    expect(leaks(await rawRows(name, 'students'))).toEqual([]);
    expect(await upgraded.students.get('s1')).toMatchObject({ givenName: 'Arbëresha', familyName: 'Krasniqi' });
    upgraded.close();
    await upgraded.delete();
  });
});
