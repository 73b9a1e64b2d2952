import { v7 as uuidv7 } from 'uuid';
import { localTables } from './applyRemoteChanges.ts';
import { nextHlc } from './syncMeta.ts';
import type { OutboxRow, UraDatabase } from './UraDatabase.ts';

/**
 * Re-sends one change as a new mutation: a fresh HLC from the corrected clock
 * and a new id (the server answers a re-sent id with its first verdict). A
 * `create` carries what the phone holds now. A `set` keeps only the fields
 * the phone still shows from it: a field written since (here or pulled) has
 * its own, newer write, which a re-stamped older value must not beat. The
 * record's field stamps take the new HLC, so a pull judges them against what
 * the server will hold. Keeps the row's seq, so order is kept.
 */
async function resendAsNew(db: UraDatabase, row: OutboxRow): Promise<void> {
  const { mutation } = row;
  if (row.seq === undefined) return;
  const { table } = localTables(db)[mutation.entity];
  const local = (await table.get(mutation.entityId)) as
    (Record<string, unknown> & { hlcs: Record<string, string> }) | undefined;
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(mutation.fields)) {
    if (mutation.op === 'create') fields[name] = local && name in local ? local[name] : value;
    else if (!local || local.hlcs[name] === mutation.hlc) fields[name] = value;
  }
  if (Object.keys(fields).length === 0) {
    await db.outbox.delete(row.seq);
    return;
  }
  const hlc = await nextHlc(db);
  await db.outbox.put({
    seq: row.seq,
    mutation: { ...mutation, id: uuidv7(), hlc, fields },
    state: 'pending',
    createdAt: row.createdAt,
    attempts: row.attempts,
  });
  if (local) {
    const stamps = Object.fromEntries(Object.keys(fields).map((name) => [name, hlc]));
    await table.put({ ...local, hlcs: { ...local.hlcs, ...stamps } } as typeof local & { id: string });
  }
}

/**
 * Puts changes back in the queue as new mutations (resendAsNew), in seq order:
 * for changes the server refused as `clock_ahead` (stamped by a phone whose
 * clock ran ahead; once the offset from the server's time is measured the new
 * stamp is right), and for the outbox screen's retry.
 * Call it inside a transaction over restampTables.
 */
export async function restampForResend(db: UraDatabase, seqs: readonly number[]): Promise<void> {
  const rows = (await db.outbox.bulkGet([...seqs])).filter((row): row is OutboxRow => row !== undefined);
  rows.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  for (const row of rows) await resendAsNew(db, row);
}

/** The tables restampForResend writes, for the caller's transaction. */
export function restampTables(db: UraDatabase) {
  return [db.outbox, db.meta, ...Object.values(localTables(db)).map((local) => local.table)];
}
