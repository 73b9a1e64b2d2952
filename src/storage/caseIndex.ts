import type { Table } from 'dexie';
import { buildCaseIndex, type CaseIndexEntry, type CaseIndexSources } from '../domain/caseIndex.ts';
import type { SchoolRecord, UraDatabase } from './UraDatabase.ts';

/** What a write changed, so the index entries that show it are rewritten. */
export interface CaseIndexChange {
  caseIds?: Iterable<string>;
  /** A student's name or screening changed: every case of the student. */
  studentIds?: Iterable<string>;
  /** A school (its country, hence its profile) changed: every case at the school. */
  schoolIds?: Iterable<string>;
}

/** The tables a transaction that refreshes the index must include, besides the one it writes. */
export function caseIndexTables(db: UraDatabase): Table[] {
  return [
    db.caseIndex,
    db.cases,
    db.students,
    db.schools,
    db.screeningSummaries,
    db.visitSummaries,
    db.planActions,
  ] as Table[];
}

async function caseIdsOf(db: UraDatabase, change: CaseIndexChange): Promise<string[]> {
  const ids = new Set(change.caseIds ?? []);
  const studentIds = [...new Set(change.studentIds ?? [])];
  const schoolIds = [...new Set(change.schoolIds ?? [])];
  if (studentIds.length > 0)
    for (const id of await db.cases.where('studentId').anyOf(studentIds).primaryKeys()) ids.add(id);
  if (schoolIds.length > 0)
    for (const id of await db.cases.where('schoolId').anyOf(schoolIds).primaryKeys()) ids.add(id);
  return [...ids];
}

/**
 * The cases' schools; every school when one is missing (for the fallback
 * profile: a rare, small read). A case pulled across two pages may not know
 * its school yet.
 */
async function schoolsFor(db: UraDatabase, cases: readonly { schoolId?: string }[]): Promise<SchoolRecord[]> {
  const ids = [...new Set(cases.map((record) => record.schoolId))];
  const known = ids.filter((id): id is string => typeof id === 'string');
  const found = (await db.schools.bulkGet(known)).filter((school) => school !== undefined);
  return found.length === ids.length ? found : db.schools.toArray();
}

/**
 * Rewrites the index entries of the cases `change` touches, from the records
 * as they now are. Call it inside the write's own transaction (with
 * caseIndexTables), after the write, so the index never disagrees with the
 * records. A case no longer on the device loses its entry.
 */
export async function refreshCaseIndex(db: UraDatabase, change: CaseIndexChange): Promise<void> {
  const caseIds = await caseIdsOf(db, change);
  if (caseIds.length === 0) return;
  const found = await db.cases.bulkGet(caseIds);
  const cases = found.filter((record) => record !== undefined);
  const studentIds = [...new Set(cases.map((record) => record.studentId))];
  const [students, schools, screeningLevels, planActions, visitSummaries] = await Promise.all([
    db.students.bulkGet(studentIds),
    schoolsFor(db, cases),
    db.screeningSummaries.bulkGet(studentIds),
    db.planActions.where('caseId').anyOf(caseIds).toArray(),
    db.visitSummaries.bulkGet(caseIds),
  ]);
  const entries = buildCaseIndex({
    cases,
    students: students.filter((row) => row !== undefined),
    schools,
    screeningLevels: screeningLevels.filter((row) => row !== undefined),
    planActions,
    visitSummaries: visitSummaries.filter((row) => row !== undefined),
  });
  const gone = caseIds.filter((_, index) => found[index] === undefined);
  await db.caseIndex.bulkPut(entries);
  if (gone.length > 0) await db.caseIndex.bulkDelete(gone);
}

/** Reads every source table through `table` (the database, or an upgrade's transaction). */
export async function caseIndexOfAll(table: (name: string) => Table): Promise<CaseIndexEntry[]> {
  const all = async <T>(name: string): Promise<T[]> => (await table(name).toArray()) as T[];
  const sources: CaseIndexSources = {
    cases: await all('cases'),
    students: await all('students'),
    schools: await all('schools'),
    screeningLevels: await all('screeningSummaries'),
    planActions: await all('planActions'),
    visitSummaries: await all('visitSummaries'),
  };
  return buildCaseIndex(sources);
}

/** Rebuilds the whole index (the profile a school uses changed, or the device's fallback profile did). */
export async function rebuildCaseIndex(db: UraDatabase): Promise<void> {
  await db.transaction('rw', caseIndexTables(db), async () => {
    const entries = await caseIndexOfAll((name) => db.table(name));
    await db.caseIndex.clear();
    await db.caseIndex.bulkPut(entries);
  });
}
