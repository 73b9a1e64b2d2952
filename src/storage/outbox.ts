import { SCHEMA_VERSION, type Mutation } from '../sync/protocol.ts';
import { v7 as uuidv7 } from 'uuid';
import type { OutboxRow, UraDatabase } from './UraDatabase.ts';
import { restampForResend, restampTables } from './outboxRestamp.ts';
import { getClientId, nextHlc, noteAcceptedHlc, restartRunawayHlc } from './syncMeta.ts';

type MutationBody = Pick<Mutation, 'entity' | 'entityId' | 'op' | 'fields'> & { base?: FieldBase };

/** For a `set`: the HLC of each changed field as the device held it before the change (see protocolSchemas.ts). */
export type FieldBase = Record<string, string | null>;

/** The base of a `set` of `changes` to a record holding `hlcs`: what the user saw when they made the change. */
export function baseOf(changes: object, hlcs: Partial<Record<string, string>>): FieldBase {
  return Object.fromEntries(Object.keys(changes).map((field) => [field, hlcs[field] ?? null]));
}

/**
 * Appends a mutation to the outbox. Call it inside the same read-write
 * transaction (over outbox and meta) as the change it records, so the record
 * and its outbox row commit or fail together.
 */
export async function appendToOutbox(db: UraDatabase, body: MutationBody, hlc?: string): Promise<Mutation> {
  const mutation: Mutation = {
    id: uuidv7(),
    clientId: await getClientId(db),
    hlc: hlc ?? (await nextHlc(db)),
    schema: SCHEMA_VERSION,
    ...body,
  };
  await db.outbox.add({ mutation, state: 'pending', createdAt: Date.now(), attempts: 0 });
  return mutation;
}

/** The oldest pending mutations, in the order they were made. */
export async function pendingMutations(db: UraDatabase, limit: number): Promise<OutboxRow[]> {
  return db.outbox.where('state').equals('pending').limit(limit).toArray();
}

export async function countPending(db: UraDatabase): Promise<number> {
  return db.outbox.where('state').equals('pending').count();
}

export async function countRejected(db: UraDatabase): Promise<number> {
  return db.outbox.where('state').equals('rejected').count();
}

/**
 * Settles outbox rows from the server's answer: acknowledged rows leave,
 * rejected ones stay visible — except `clock_ahead`, which only means this
 * phone's clock ran ahead: by now the offset from the server is measured, so
 * the change is stamped afresh and stays queued (restampForResend). Nothing
 * the user wrote is set aside for a wrong clock. Returns how many were re-queued.
 */
export async function settleOutbox(
  db: UraDatabase,
  results: readonly { id: string; status: string; code?: string }[],
): Promise<number> {
  const byId = new Map(results.map((result) => [result.id, result]));
  return db.transaction('rw', restampTables(db), async () => {
    const rows = await db.outbox.where('state').equals('pending').toArray();
    const restamp: number[] = [];
    for (const row of rows) {
      const result = byId.get(row.mutation.id);
      if (!result || row.seq === undefined) continue;
      if (result.status === 'rejected' && result.code === 'clock_ahead') restamp.push(row.seq);
      else if (result.status === 'rejected') {
        await db.outbox.update(row.seq, { state: 'rejected', rejectionCode: result.code ?? 'unknown' });
      } else {
        await noteAcceptedHlc(db, row.mutation.hlc);
        await db.outbox.delete(row.seq);
      }
    }
    if (restamp.length > 0) await restartRunawayHlc(db);
    await restampForResend(db, restamp);
    return restamp.length;
  });
}

/** Counts an attempt on rows that were sent but not answered (for the outbox screen and backoff). */
export async function markAttempted(db: UraDatabase, seqs: readonly number[]): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const seq of seqs)
      await db.outbox
        .where('seq')
        .equals(seq)
        .modify((row) => void (row.attempts += 1));
  });
}

/**
 * When the oldest change still waiting was saved, read through the `state`
 * index: rows with the same state come in seq order, and seq follows the
 * order changes were saved (a re-stamped row keeps its seq and its time).
 */
export async function oldestPendingAt(db: UraDatabase): Promise<number | undefined> {
  return (await db.outbox.where('state').equals('pending').first())?.createdAt;
}
