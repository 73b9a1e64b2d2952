import type { IsoDate } from '../../src/domain/dueDates.ts';
import { ENTITY_RULES } from '../../src/sync/protocolSchemas.ts';
import type { ClientWritableEntity } from '../../src/sync/protocol.ts';
import { benchId, ID_KIND } from './benchRandom.ts';
import { generateCasework, type BenchSchool, type CaseworkBatch } from './generateCasework.ts';

/**
 * The sync benchmark's server-side caseload (scripts/benchSyncFirstSync.mjs):
 * the casework benchmark's generator (tests/bench/generateCasework.ts), turned
 * into records as the server stores them, so the server seeds them through its
 * own write path and a device receives them by an ordinary pull. Built for Node
 * by tests/bench/vite.sync.config.ts.
 */
export interface ServerRecord {
  entity: ClientWritableEntity;
  id: string;
  fields: Record<string, unknown>;
  /** The HLC the generator stamped the record with. */
  hlc: string;
}

export interface CaseloadOptions {
  seed: number;
  from: number;
  count: number;
  today: IsoDate;
  schools: readonly BenchSchool[];
}

/** How the generated records' ids begin, per device table: the benchmark counts them on the device by it. */
export const GENERATED_ID_PREFIXES: Readonly<Record<string, string>> = {
  students: benchId(ID_KIND.student, 0).slice(0, 9),
  cases: benchId(ID_KIND.case, 0).slice(0, 9),
  homeVisits: benchId(ID_KIND.homeVisit, 0).slice(0, 9),
  planActions: benchId(ID_KIND.planAction, 0).slice(0, 9),
  screenings: benchId(ID_KIND.screening, 0).slice(0, 9),
};

/** Keys the device adds to a record (its id, field stamps, search key): never sent over the wire. */
const DEVICE_ONLY_KEYS = new Set(['id', 'hlcs', 'searchKey', 'updatedAt']);

function toServerRecord(entity: ClientWritableEntity, row: { id: string; hlcs: object }): ServerRecord {
  const fields = Object.fromEntries(Object.entries(row).filter(([key]) => !DEVICE_ONLY_KEYS.has(key)));
  const hlc = Object.values(row.hlcs)[0];
  if (typeof hlc !== 'string') throw new Error(`${entity} ${row.id} has no HLC`);
  // The records must be ones a device could have created: the server's own create schema says so.
  const checked = ENTITY_RULES[entity].fields.safeParse(fields);
  if (!checked.success) {
    const paths = checked.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`generated ${entity} is not a valid create (${paths})`);
  }
  return { entity, id: row.id, fields, hlc };
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group === undefined) groups.set(key(row), [row]);
    else group.push(row);
  }
  return groups;
}

/**
 * Cases `from`…`from + count - 1` with their student, visit notes, plan actions
 * and screenings, each case's records together, in the order a device would
 * have written them (student, case, notes, actions, screenings).
 */
export function caseloadRecords(options: CaseloadOptions): ServerRecord[] {
  const batch: CaseworkBatch = generateCasework(options);
  const records: ServerRecord[] = [];
  const visits = groupBy(batch.homeVisits, (row) => row.caseId);
  const actions = groupBy(batch.planActions, (row) => row.caseId);
  const screenings = groupBy(batch.screenings, (row) => row.studentId);
  for (const [n, caseRow] of batch.cases.entries()) {
    const student = batch.students[n];
    if (student === undefined) throw new Error(`case ${caseRow.id} has no student`);
    records.push(toServerRecord('student', student), toServerRecord('case', caseRow));
    for (const row of visits.get(caseRow.id) ?? []) records.push(toServerRecord('homeVisit', row));
    for (const row of actions.get(caseRow.id) ?? []) records.push(toServerRecord('planAction', row));
    for (const row of screenings.get(student.id) ?? []) records.push(toServerRecord('screening', row));
  }
  return records;
}
