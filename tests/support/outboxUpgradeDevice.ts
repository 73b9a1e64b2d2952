/**
 * A phone still on an older Dexie schema (legacySchemas.ts) with changes not yet
 * synced: its outbox rows as that version wrote them (schema-1 mutations, some
 * never sent, one sent and answered too late, one sent twice and lost, one the
 * server refused) and the records those changes made, for the upgrade proof.
 */
import { Dexie, type Table } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { formatHlc, nodeIdFrom } from '../../src/domain/hlc.ts';
import { screeningSummariesOf, visitSummariesOf } from '../../src/domain/caseworkSummaries.ts';
import type { StudentFields } from '../../src/domain/student.ts';
import { DEMO_SCHOOL_IDS, DEMO_SCHOOLS } from '../../src/server/seed/demoPlaces.ts';
import { DEMO_STUDENTS } from '../../src/server/seed/demoStudents.ts';
import { caseIndexOfAll } from '../../src/storage/caseIndex.ts';
import { studentSearchKey } from '../../src/storage/studentRepository.ts';
import type { OutboxRow } from '../../src/storage/UraDatabase.ts';
import type { ClientWritableEntity, Mutation } from '../../src/sync/protocol.ts';
import {
  makeCaseEvent,
  makeCaseRecord,
  makePlanAction,
  makeScreening,
  makeVisit,
  USER_ID,
  wireFields,
} from './caseworkFixtures.ts';
import { makeStudentFields } from './clientFixtures.ts';
import { LEGACY_STORES } from './legacySchemas.ts';

export interface LegacyDevice {
  name: string;
  clientId: string;
  /** The outbox as stored, in order (with its seqs). */
  outbox: OutboxRow[];
  /** A mutation the old app sent whose reply never came: the server holds it, the outbox still does too. */
  answeredTooLate: Mutation;
}

type Records = Map<string, object[]>;

const SCHOOL = DEMO_SCHOOLS.find((school) => school.id === DEMO_SCHOOL_IDS.ferizajAhmetHoxha);
const DEMO_STUDENT = DEMO_STUDENTS[0];

/** What the changes look like at `version`: students only before casework (v2) existed. */
function plannedChanges(version: number, records: Records, mutation: MakeMutation): Omit<OutboxRow, 'seq'>[] {
  if (SCHOOL === undefined || DEMO_STUDENT === undefined) throw new Error('the demo seed changed');
  const row = (made: Mutation, attempts = 0, rejectionCode?: string): Omit<OutboxRow, 'seq'> => ({
    mutation: made,
    state: rejectionCode === undefined ? 'pending' : 'rejected',
    ...(rejectionCode === undefined ? {} : { rejectionCode }),
    createdAt: Date.parse(made.hlc.slice(0, 24)),
    attempts,
  });
  const student = (fields: StudentFields, attempts = 0, rejectionCode?: string) => {
    const id = uuidv7();
    const made = mutation('student', id, 'create', fields);
    keep(records, 'students', { ...fields, id, hlcs: hlcsOf(made), searchKey: studentSearchKey(fields), updatedAt: 1 });
    return row(made, attempts, rejectionCode);
  };
  keep(records, 'schools', { id: SCHOOL.id, ...SCHOOL.fields, hlcs: {} });
  const first = student(makeStudentFields({ schoolId: SCHOOL.id, givenName: 'Drita', familyName: 'Berisha' }));
  const edit = mutation('student', DEMO_STUDENT.id, 'set', { grade: 8, guardianPhone: '+383 44 987 654' });
  // Pulled before, then edited on the phone: only the edited fields carry this device's stamps.
  const pulled = { ...DEMO_STUDENT.fields, id: DEMO_STUDENT.id, searchKey: studentSearchKey(DEMO_STUDENT.fields) };
  keep(records, 'students', { ...pulled, ...edit.fields, hlcs: hlcsOf(edit), updatedAt: 1 });
  const rows = [
    first,
    student(makeStudentFields({ schoolId: SCHOOL.id, givenName: 'Besa' }), 1),
    row(edit, 2),
    // A school the server never heard of: refused, and kept for the user to see.
    student(makeStudentFields({ schoolId: uuidv7(), givenName: 'Luan' }), 1, 'invalid_fields'),
  ];
  if (version < 2) return rows;

  const studentId = first.mutation.entityId;
  const flagged = makeCaseRecord(studentId, SCHOOL.id);
  const opening = { status: 'open', openedAt: '2026-11-03', caseManagerId: USER_ID } as const;
  const event = { id: uuidv7(), ...makeCaseEvent(flagged.id) };
  const casework: [ClientWritableEntity, string, { id: string }][] = [
    ['case', 'cases', flagged],
    ['caseEvent', 'caseEvents', event],
    ['homeVisit', 'homeVisits', makeVisit(flagged.id)],
    ['planAction', 'planActions', makePlanAction(flagged.id)],
    ['screening', 'screenings', makeScreening(studentId)],
  ];
  for (const [entity, table, record] of casework) {
    const made = mutation(entity, record.id, 'create', wireFields(record));
    rows.push(row(made));
    if (entity === 'case') {
      // A case transition: the case's fields as a `set`, right after its event.
      const transition = mutation('case', flagged.id, 'set', opening);
      rows.push(row(transition));
      keep(records, table, { ...record, ...opening, hlcs: { ...hlcsOf(made), ...hlcsOf(transition) } });
    } else keep(records, table, { ...record, hlcs: hlcsOf(made) });
  }
  return rows;
}

type MakeMutation = (entity: ClientWritableEntity, entityId: string, op: Mutation['op'], fields: object) => Mutation;

function keep(records: Records, table: string, record: object): void {
  records.set(table, [...(records.get(table) ?? []), record]);
}

function hlcsOf(mutation: Mutation): Record<string, string> {
  return Object.fromEntries(Object.keys(mutation.fields).map((field) => [field, mutation.hlc]));
}

/**
 * Writes the device as version `version` of the app left it. `hlcMillis` is its
 * clock: after the server's seed, so the device's edit of a seeded student wins.
 */
export async function writeLegacyDevice(version: number, hlcMillis: number): Promise<LegacyDevice> {
  const stores = LEGACY_STORES[version];
  if (stores === undefined) throw new Error(`tests/support/legacySchemas.ts has no stores for version ${version}`);
  const clientId = uuidv7();
  const node = nodeIdFrom(clientId);
  let counter = 0;
  const mutation: MakeMutation = (entity, entityId, op, fields) => {
    counter += 1;
    // `schema: 1` as written then, whatever SCHEMA_VERSION is now: the server upcasts it.
    const hlc = formatHlc({ millis: hlcMillis, counter, node });
    return { id: uuidv7(), clientId, hlc, schema: 1, entity, entityId, op, fields };
  };
  const records: Records = new Map();
  const rows = plannedChanges(version, records, mutation);
  const name = `ura-legacy-v${version}-${uuidv7()}`;
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const row of rows) await old.table('outbox').add(row);
    for (const [table, list] of records) await old.table(table).bulkPut(list);
    await old.table('meta').bulkPut([
      { key: 'clientId', value: clientId },
      { key: 'hlc', value: { millis: hlcMillis, counter, node } },
      { key: 'pullCursor', value: 0 },
    ]);
    await writeDerived(version, (table) => old.table(table));
  });
  const outbox = (await old.table('outbox').orderBy('seq').toArray()) as OutboxRow[];
  old.close();
  const answeredTooLate = outbox.find((row) => row.attempts === 1 && row.state === 'pending')?.mutation;
  if (answeredTooLate === undefined) throw new Error('no row was sent once');
  return { name, clientId, outbox, answeredTooLate };
}

/** The summaries (v4) and the case index (v5) a device of that version kept beside its records. */
async function writeDerived(version: number, table: (name: string) => Table): Promise<void> {
  if (version >= 4) {
    await table('visitSummaries').bulkPut(visitSummariesOf(await table('homeVisits').toArray()));
    await table('screeningSummaries').bulkPut(screeningSummariesOf(await table('screenings').toArray()));
  }
  if (version >= 5) await table('caseIndex').bulkPut(await caseIndexOfAll(table));
}

/** Every table of the device as version `version` holds it, read without upgrading it. */
export async function readLegacyTables(name: string, version: number): Promise<Map<string, unknown[]>> {
  const old = new Dexie(name);
  old.version(version).stores(LEGACY_STORES[version] ?? {});
  await old.open();
  try {
    return new Map(await Promise.all(old.tables.map(async (table) => [table.name, await table.toArray()] as const)));
  } finally {
    old.close();
  }
}
