import { foldForSearch } from '../domain/searchText.ts';
import { changedFields, type StudentFields } from '../domain/student.ts';
import { v7 as uuidv7 } from 'uuid';
import { caseIndexTables, refreshCaseIndex } from './caseIndex.ts';
import { appendToOutbox, baseOf } from './outbox.ts';
import { nextHlc } from './syncMeta.ts';
import type { StudentRecord, UraDatabase } from './UraDatabase.ts';

export function studentSearchKey(fields: Pick<StudentFields, 'givenName' | 'familyName'>): string {
  // A record pulled across two pages may briefly lack a name.
  return foldForSearch(`${fields.givenName ?? ''} ${fields.familyName ?? ''}`);
}

function stampAll(fields: Partial<StudentFields>, hlc: string): StudentRecord['hlcs'] {
  return Object.fromEntries(Object.keys(fields).map((field) => [field, hlc]));
}

/** Registers a student: the record and its outbox row in one transaction. Returns the new id. */
export async function createStudent(db: UraDatabase, fields: StudentFields): Promise<string> {
  const id = uuidv7();
  await db.transaction('rw', [db.students, db.outbox, db.meta], async () => {
    const hlc = await nextHlc(db);
    await db.students.add({
      ...fields,
      id,
      hlcs: stampAll(fields, hlc),
      searchKey: studentSearchKey(fields),
      updatedAt: Date.now(),
    });
    await appendToOutbox(db, { entity: 'student', entityId: id, op: 'create', fields }, hlc);
  });
  return id;
}

/**
 * Saves an edit as field-level changes: only fields that differ are written
 * and synced, so two people editing different fields both keep their work.
 * Returns the number of fields changed (0 writes nothing).
 */
export async function updateStudent(db: UraDatabase, id: string, fields: StudentFields): Promise<number> {
  return db.transaction('rw', [...caseIndexTables(db), db.outbox, db.meta], async () => {
    const current = await db.students.get(id);
    if (!current) throw new Error('student not found');
    const changes = changedFields(current, fields);
    const count = Object.keys(changes).length;
    if (count === 0) return 0;
    const hlc = await nextHlc(db);
    const next = { ...current, ...changes };
    await db.students.put({
      ...next,
      hlcs: { ...current.hlcs, ...stampAll(changes, hlc) },
      searchKey: studentSearchKey(next),
      updatedAt: Date.now(),
    });
    const base = baseOf(changes, current.hlcs);
    await appendToOutbox(db, { entity: 'student', entityId: id, op: 'set', fields: changes, base }, hlc);
    // Its cases show its name (and, after a move, its school's deadlines).
    await refreshCaseIndex(db, { studentIds: [id] });
    return count;
  });
}

export async function getStudent(db: UraDatabase, id: string): Promise<StudentRecord | undefined> {
  return db.students.get(id);
}

function byFamilyName(a: StudentRecord, b: StudentRecord): number {
  if (a.familyName !== b.familyName) return a.familyName < b.familyName ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * All students, family name first, for the list screen. Sorted here, not by an
 * index: names are sealed on the device (docs/encryption.md), so no index holds them.
 */
export async function listStudents(db: UraDatabase): Promise<StudentRecord[]> {
  return (await db.students.toArray()).sort(byFamilyName);
}
