import type { Table } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { Mutation } from '../sync/protocol.ts';
import { localTables, type Versioned } from './localTables.ts';
import { caseIndexTables, refreshCaseIndex } from './caseIndex.ts';
import { refreshScreeningSummaries, refreshVisitSummaries } from './caseworkSummaries.ts';
import { getClientId, nextHlc } from './syncMeta.ts';
import type { OutboxRow, UraDatabase } from './UraDatabase.ts';

/** A change read from a file, checked against the protocol's schemas, in the order it was made. */
export interface ImportedChange {
  mutation: Mutation;
  state: 'pending' | 'rejected';
  rejectionCode?: string;
}

export interface QueueOutcome {
  /** Changes now in this phone's outbox as its own. */
  queued: number;
  /** Changes this phone already holds: its own, taken from a file before, or creating a record it already has. */
  alreadyHere: number;
}

/** The original ids of the mutations this phone has taken from files, so a second import of a file adds nothing. */
export const IMPORTED_IDS_KEY = 'importedMutationIds';

/** What the derived rows (summaries, case index) must be rebuilt for after the records changed. */
class Touched {
  visitCases = new Set<string>();
  screenedStudents = new Set<string>();
  caseIds = new Set<string>();
  studentIds = new Set<string>();

  note(entity: Mutation['entity'], id: string, row: Record<string, unknown>): void {
    const caseId = typeof row.caseId === 'string' ? row.caseId : undefined;
    const studentId = typeof row.studentId === 'string' ? row.studentId : undefined;
    if (entity === 'homeVisit' && caseId) this.visitCases.add(caseId);
    if (entity === 'screening' && studentId) this.screenedStudents.add(studentId);
    if (entity === 'case') this.caseIds.add(id);
    if (entity === 'planAction' && caseId) this.caseIds.add(caseId);
    if (entity === 'student') this.studentIds.add(id);
  }

  async refresh(db: UraDatabase): Promise<void> {
    await refreshVisitSummaries(db, this.visitCases);
    await refreshScreeningSummaries(db, this.screenedStudents);
    await refreshCaseIndex(db, {
      caseIds: [...this.caseIds, ...this.visitCases],
      studentIds: [...this.studentIds, ...this.screenedStudents],
    });
  }
}

/**
 * Writes a change's fields to the record on this phone, stamped with `hlc`,
 * as a local edit would: a `create` makes the record, a `set` changes the
 * record if the phone holds it (else the server alone applies it).
 */
async function applyLocally(db: UraDatabase, mutation: Mutation, local: Versioned | undefined, hlc: string) {
  if (mutation.op === 'set' && local === undefined) return undefined;
  const { table, derive } = localTables(db)[mutation.entity];
  const fields = mutation.fields as Record<string, unknown>;
  const stamps = Object.fromEntries(Object.keys(fields).map((field) => [field, hlc]));
  const merged = { ...local, ...fields, id: mutation.entityId, hlcs: { ...local?.hlcs, ...stamps } };
  const row = derive ? derive(merged) : merged;
  await table.put(row);
  return row as unknown as Record<string, unknown>;
}

/**
 * Queues changes from a file as this phone's own, in ONE transaction with
 * the records they write: each gets this phone's client id (the server
 * refuses a mutation from another device's id), a new mutation id and a
 * fresh HLC; entity, record, operation and fields stay, and a `set` keeps
 * its `base`, so a clash with someone else's later write is still recorded.
 * A refused change stays refused, with its code, until the person retries
 * or discards it here. Nothing is queued twice. A change is skipped when
 * this phone made it: a phone keeps its client id until its data is wiped,
 * so its own changes are still in its outbox (perhaps re-stamped under a new
 * id) or already sent. It is skipped when this phone took it from a file
 * before, and when it creates a record the phone already holds (only the
 * server can have sent that record, so the server has it).
 */
export async function queueImportedChanges(db: UraDatabase, changes: readonly ImportedChange[]): Promise<QueueOutcome> {
  const tables = localTables(db);
  const involved = new Set<Table>([
    ...Object.values(tables).map((local) => local.table as Table),
    ...caseIndexTables(db),
    db.visitSummaries,
    db.screeningSummaries,
  ]);
  return db.transaction('rw', [...involved, db.outbox, db.meta], async () => {
    const clientId = await getClientId(db);
    const taken = new Set(((await db.meta.get(IMPORTED_IDS_KEY))?.value as string[] | undefined) ?? []);
    const touched = new Touched();
    const outcome: QueueOutcome = { queued: 0, alreadyHere: 0 };
    for (const { mutation, state, rejectionCode } of changes) {
      const local = await tables[mutation.entity].table.get(mutation.entityId);
      const held =
        mutation.clientId === clientId || taken.has(mutation.id) || (mutation.op === 'create' && local !== undefined);
      taken.add(mutation.id);
      if (held) {
        outcome.alreadyHere += 1;
        continue;
      }
      const hlc = await nextHlc(db);
      const row = await applyLocally(db, mutation, local, hlc);
      if (row) touched.note(mutation.entity, mutation.entityId, row);
      const outboxRow: OutboxRow = {
        mutation: { ...mutation, id: uuidv7(), clientId, hlc },
        state,
        ...(state === 'rejected' ? { rejectionCode: rejectionCode ?? 'unknown' } : {}),
        createdAt: Date.now(),
        attempts: 0,
      };
      await db.outbox.add(outboxRow);
      outcome.queued += 1;
    }
    await touched.refresh(db);
    await db.meta.put({ key: IMPORTED_IDS_KEY, value: [...taken] });
    return outcome;
  });
}
