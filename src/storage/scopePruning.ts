import type { Table } from 'dexie';
import { canRead, hiddenFields, type AccessScope, type RecordKeys } from '../domain/accessScope.ts';
import {
  CHILD_TABLES,
  childKeys,
  conflictKeys,
  readLocalParents,
  type ChildTable,
  type LocalParents,
  type ScopedTable,
} from './localRecordKeys.ts';
import { pruneMapRecords, type MapTable } from './mapPruning.ts';
import { refreshDerivedAfterPrune, strippedStudents } from './scopeDerived.ts';
import { rowsUnderGoneParents } from './scopeRanges.ts';
import type { UraDatabase } from './UraDatabase.ts';

/** One child-data or Action Plan record on the device. */
export interface ScopedRow {
  table: ScopedTable | MapTable;
  id: string;
}

export interface PruneResult {
  /** Child-data records removed from the device. */
  removed: number;
  /** Records the scope no longer reaches, kept because a pending change still writes them. */
  kept: ScopedRow[];
}

/** What the scope takes away, before the outbox has its say: ids per table, and per child table its gone parents. */
interface Verdict {
  ids: Map<ScopedTable, Set<string>>;
  goneParents: Map<ChildTable, Set<string>>;
}

/** Records a change still waiting in the outbox writes: they stay until it is sent (or refused). */
async function pendingRecordIds(db: UraDatabase): Promise<Set<string>> {
  const rows = await db.outbox.where('state').equals('pending').toArray();
  return new Set(rows.map((row) => row.mutation.entityId));
}

function unreadable(scope: AccessScope, keys: ReadonlyMap<string, RecordKeys>): Set<string> {
  const ids = new Set<string>();
  for (const [id, recordKeys] of keys) if (!canRead(scope, recordKeys)) ids.add(id);
  return ids;
}

/** Clashes go with what they are about, and with a hidden field: a clash over community carries its values. */
async function goneConflicts(db: UraDatabase, scope: AccessScope, parents: LocalParents): Promise<Set<string>> {
  const aboutChild = async (table: 'planActions' | 'referrals', entity: string) => {
    const ids = parents.conflicts.filter((row) => row.recordEntity === entity).map((row) => row.recordId);
    const rows = await db[table].bulkGet(ids);
    return new Map(rows.flatMap((row) => (row ? [[row.id, childKeys(parents, table, row.caseId)] as const] : [])));
  };
  const about = new Map([
    ...(await aboutChild('planActions', 'planAction')),
    ...(await aboutChild('referrals', 'referral')),
  ]);
  const gone = new Set<string>();
  for (const conflict of parents.conflicts) {
    const keys = conflictKeys(parents, conflict, about.get(conflict.recordId));
    const hidden = hiddenFields(scope, { ...keys, entity: conflict.recordEntity });
    if (!canRead(scope, keys) || hidden.includes(conflict.field)) gone.add(conflict.id);
  }
  return gone;
}

/** Rows kept last time for a pending change whose parent may have gone since: judged one by one (a handful). */
async function goneRechecked(db: UraDatabase, scope: AccessScope, parents: LocalParents, rows: readonly ScopedRow[]) {
  const gone: { table: ChildTable; id: string }[] = [];
  for (const [table, index] of Object.entries(CHILD_TABLES) as [ChildTable, string][]) {
    const ids = rows.filter((row) => row.table === table).map((row) => row.id);
    const found = (await (db[table] as Table).bulkGet(ids)) as (Record<string, unknown> | undefined)[];
    for (const [position, row] of found.entries())
      if (row && !canRead(scope, childKeys(parents, table, row[index]))) gone.push({ table, id: ids[position] ?? '' });
  }
  return gone;
}

async function verdictOf(
  db: UraDatabase,
  scope: AccessScope,
  parents: LocalParents,
  recheck: readonly ScopedRow[],
): Promise<Verdict> {
  const ids = new Map<ScopedTable, Set<string>>([
    ['students', unreadable(scope, parents.studentKeys)],
    ['cases', unreadable(scope, parents.caseKeys)],
    ['conflicts', await goneConflicts(db, scope, parents)],
  ]);
  const goneParents = new Map<ChildTable, Set<string>>();
  for (const [table, index] of Object.entries(CHILD_TABLES) as [ChildTable, 'caseId' | 'studentId'][]) {
    const parentKeys = index === 'caseId' ? parents.caseKeys : parents.studentKeys;
    const gone = new Set<string>();
    for (const id of parentKeys.keys()) if (!canRead(scope, childKeys(parents, table, id))) gone.add(id);
    goneParents.set(table, gone);
    ids.set(table, new Set(await rowsUnderGoneParents(db[table] as Table, index, [...parentKeys.keys()], gone)));
  }
  for (const row of await goneRechecked(db, scope, parents, recheck)) ids.get(row.table)?.add(row.id);
  return { ids, goneParents };
}

/**
 * Removes from the device every child-data record `scope` does not reach
 * (except those a pending change still writes), with its drafts and derived
 * rows, and empties the fields the scope hides on what stays. `recheck` names
 * rows kept last time for a pending change. Run it inside a read-write
 * transaction over every table. Whole reads of students, cases and clashes;
 * the rest is read by key ranges of gone parents (scopeRanges.ts).
 */
export async function pruneToScope(
  db: UraDatabase,
  scope: AccessScope,
  recheck: readonly ScopedRow[] = [],
): Promise<PruneResult> {
  const parents = await readLocalParents(db);
  const pending = await pendingRecordIds(db);
  const verdict = await verdictOf(db, scope, parents, recheck);
  const kept: ScopedRow[] = [];
  const removed = new Map<ScopedTable, Set<string>>();
  let count = 0;
  for (const [table, ids] of verdict.ids) {
    const goes = [...ids].filter((id) => !pending.has(id));
    for (const id of ids) if (pending.has(id)) kept.push({ table, id });
    await db[table].bulkDelete(goes);
    removed.set(table, new Set(goes));
    count += goes.length;
  }
  await refreshDerivedAfterPrune(db, parents, removed, verdict.goneParents, kept);

  const hidden = new Map<string, readonly string[]>();
  const removedStudents = removed.get('students') ?? new Set<string>();
  for (const [id, keys] of parents.studentKeys) if (!removedStudents.has(id)) hidden.set(id, hiddenFields(scope, keys));
  const stripped = strippedStudents(parents.students, hidden);
  if (stripped.length > 0) await db.students.bulkPut(stripped);
  const plans = await pruneMapRecords(db, scope, pending);
  return { removed: count + plans.removed, kept: [...kept, ...plans.kept] };
}
