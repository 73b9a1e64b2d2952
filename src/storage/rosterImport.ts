import { v7 as uuidv7 } from 'uuid';
import { classKeyOf } from '../domain/accessScope.ts';
import { formatHlc, parseHlc, tickHlc } from '../domain/hlc.ts';
import type { KnownStudent } from '../domain/roster/rosterCheck.ts';
import { STUDENT_FIELDS, type StudentFields } from '../domain/student.ts';
import { SCHEMA_VERSION, type Mutation } from '../sync/protocol.ts';
import { studentSearchKey } from './studentRepository.ts';
import { correctedNow, getClientId, META_KEYS, nextHlc } from './syncMeta.ts';
import type { OutboxRow, SchoolRecord, StudentRecord, UraDatabase } from './UraDatabase.ts';

/** Rows written per bulk call: between two, the page hears how far the import has come. */
const WRITE_CHUNK = 250;

/** What a roster import checks a file against: the students already on the device, and the schools. */
export interface RosterContext {
  known: KnownStudent[];
  schools: SchoolRecord[];
  /** The class names as stored, by school and class key: a teacher's class written as its students have it. */
  classNames: Map<string, string>;
}

export async function loadRosterContext(db: UraDatabase): Promise<RosterContext> {
  const [students, schools] = await Promise.all([db.students.toArray(), db.schools.toArray()]);
  const classNames = new Map<string, string>();
  for (const student of students) {
    classNames.set(`${student.schoolId}|${classKeyOf(student.grade, student.className)}`, student.className);
  }
  const known = students.map((student) => ({
    searchKey: student.searchKey ?? studentSearchKey(student),
    dateOfBirth: student.dateOfBirth,
  }));
  return { known, schools, classNames };
}

/**
 * `count` HLCs for one import, in order: the first as nextHlc makes it, the
 * rest ticked in memory and the last stored once, where nextHlc per student
 * would read and write the clock thousands of times.
 */
async function nextHlcs(db: UraDatabase, count: number): Promise<string[]> {
  const first = await nextHlc(db);
  const now = await correctedNow(db);
  let state = parseHlc(first);
  const hlcs = [first];
  for (let index = 1; index < count; index += 1) {
    state = tickHlc(state, now);
    hlcs.push(formatHlc(state));
  }
  await db.meta.put({ key: META_KEYS.hlc, value: state });
  return hlcs;
}

/**
 * Registers every student of an import in ONE transaction, each with its
 * outbox `create` row, as createStudent does for one: all of them are on the
 * device, or (on any failure) none and no outbox row. `onProgress` hears how
 * many are written so far. Returns the new ids, in the order given.
 */
export async function importRosterStudents(
  db: UraDatabase,
  students: readonly StudentFields[],
  onProgress?: (written: number) => void,
): Promise<string[]> {
  if (students.length === 0) return [];
  return db.transaction('rw', [db.students, db.outbox, db.meta], async () => {
    const clientId = await getClientId(db);
    const hlcs = await nextHlcs(db, students.length);
    const now = Date.now();
    const ids: string[] = [];
    for (let from = 0; from < students.length; from += WRITE_CHUNK) {
      const records: StudentRecord[] = [];
      const outbox: OutboxRow[] = [];
      students.slice(from, from + WRITE_CHUNK).forEach((fields, offset) => {
        const id = uuidv7();
        const hlc = hlcs[from + offset] ?? '';
        ids.push(id);
        records.push({
          ...fields,
          id,
          hlcs: Object.fromEntries(STUDENT_FIELDS.map((field) => [field, hlc])),
          searchKey: studentSearchKey(fields),
          updatedAt: now,
        });
        const mutation: Mutation = {
          id: uuidv7(),
          clientId,
          hlc,
          schema: SCHEMA_VERSION,
          entity: 'student',
          entityId: id,
          op: 'create',
          fields,
        };
        outbox.push({ mutation, state: 'pending', createdAt: now, attempts: 0 });
      });
      await db.students.bulkAdd(records);
      await db.outbox.bulkAdd(outbox);
      onProgress?.(ids.length);
    }
    return ids;
  });
}
