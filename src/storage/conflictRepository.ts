/**
 * Same-field clashes on the device (docs/sync.md, "Conflicts"): which ones a
 * case shows, and the user's choice, written like any edit — one transaction
 * with its outbox rows, so the choice syncs to everyone else.
 */
import { sameField, type ConflictChoice, type FieldConflict } from '../domain/fieldConflict.ts';
import { localTables, type Versioned } from './localTables.ts';
import { refreshCaseIndex } from './caseIndex.ts';
import { setRecordFields, writeTransaction } from './recordWrites.ts';
import { nextHlc, peekClientId } from './syncMeta.ts';
import type { ConflictRow, UraDatabase } from './UraDatabase.ts';

export interface CaseConflicts {
  /** One open clash per field (the latest); choosing settles every open clash of that field. */
  conflicts: FieldConflict[];
  /** This device's id: the side it wrote is "yours" (conflictSides). */
  clientId: string;
}

/** A pulled record may arrive over two pages; until its choice field is in, it is not shown. */
function isOpen(row: ConflictRow): boolean {
  return row.choice === null && typeof row.field === 'string';
}

/** Open clashes about a case: its own fields, its student's, its plan actions' and its referrals'. */
export async function loadCaseConflicts(db: UraDatabase, caseId: string): Promise<CaseConflicts> {
  const record = await db.cases.get(caseId);
  if (record === undefined) return { conflicts: [], clientId: await thisDevice(db) };
  const actionIds = await db.planActions.where('caseId').equals(caseId).primaryKeys();
  const referralIds = await db.referrals.where('caseId').equals(caseId).primaryKeys();
  const ids = [caseId, record.studentId, ...actionIds, ...referralIds];
  const rows = (await Promise.all(ids.map((id) => db.conflicts.where('recordId').equals(id).toArray())))
    .flat()
    .filter(isOpen);
  const latest = new Map<string, ConflictRow>();
  for (const row of rows.sort((a, b) => (a.keptHlc < b.keptHlc ? -1 : 1))) {
    latest.set(`${row.recordEntity}:${row.recordId}:${row.field}`, row);
  }
  return { conflicts: [...latest.values()].map(withoutStamps), clientId: await thisDevice(db) };
}

/**
 * Read last: inside a live query, Dexie reads awaited after a nested async
 * function's promise run outside the query's zone and are not watched, so the
 * screen missed later changes when this came first.
 */
async function thisDevice(db: UraDatabase): Promise<string> {
  // A device without an id has written nothing, so no side of a clash is its own.
  return (await peekClientId(db)) ?? '';
}

function withoutStamps(row: ConflictRow): FieldConflict {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- hlcs are sync bookkeeping, not shown
  const { hlcs, ...conflict } = row;
  return conflict;
}

export type ResolveOutcome = 'resolved' | 'alreadyResolved' | 'notFound';

/**
 * Records the user's choice on a clash. `lost` puts the replaced value back
 * (a new edit of the field, later than both sides, so it wins everywhere);
 * `kept` leaves the field alone. Either way every open clash of that field is
 * marked chosen, and each change goes to the outbox in the same transaction.
 */
export async function resolveConflict(
  db: UraDatabase,
  conflictId: string,
  choice: ConflictChoice,
  resolvedBy: string,
): Promise<ResolveOutcome> {
  // writeTransaction adds the cases, students and plan actions (the case index's sources).
  return writeTransaction(db, [db.conflicts, db.referrals], async () => {
    const conflict = await db.conflicts.get(conflictId);
    if (conflict === undefined) return 'notFound';
    if (conflict.choice !== null) return 'alreadyResolved';
    if (choice === 'lost') await restoreLostValue(db, conflict);
    const open = await db.conflicts
      .where('recordId')
      .equals(conflict.recordId)
      .filter((row) => isOpen(row) && sameField(row, conflict))
      .toArray();
    for (const row of open) {
      await setRecordFields(db, db.conflicts, 'conflict', row, { choice, resolvedBy }, await nextHlc(db));
    }
    return 'resolved';
  });
}

/** Writes the replaced value back as an ordinary field edit, unless the record already shows it. */
async function restoreLostValue(db: UraDatabase, conflict: ConflictRow): Promise<void> {
  const { table, derive } = localTables(db)[conflict.recordEntity];
  const record = (await table.get(conflict.recordId)) as (Versioned & Record<string, unknown>) | undefined;
  if (record === undefined) return;
  if (JSON.stringify(record[conflict.field]) === JSON.stringify(conflict.lostValue)) return;
  const changes = { [conflict.field]: conflict.lostValue };
  await setRecordFields(db, table, conflict.recordEntity, record, changes, await nextHlc(db), derive);
  const caseId = conflict.recordEntity === 'case' ? conflict.recordId : record.caseId;
  await refreshCaseIndex(db, {
    caseIds: typeof caseId === 'string' ? [caseId] : [],
    studentIds: conflict.recordEntity === 'student' ? [conflict.recordId] : [],
  });
}
