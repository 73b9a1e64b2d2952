import { v7 as uuidv7 } from 'uuid';
import { localTables } from './applyRemoteChanges.ts';
import { nextHlc } from './syncMeta.ts';
import type { UraDatabase } from './UraDatabase.ts';

/**
 * Gives queued changes a fresh HLC and a new mutation id, and keeps them
 * pending: for changes the server refused as `clock_ahead` (stamped by a
 * phone whose clock ran ahead). Once the offset from the server's time is
 * measured the new stamp is right, and the new id matters because the server
 * answers a re-sent id with its first answer. The record's own field stamps
 * that came from the old HLC move to the new one, or the device would keep
 * ignoring everyone else's later edits of those fields.
 * Call it inside a transaction over the outbox, `meta` and the synced tables.
 */
export async function restampForResend(db: UraDatabase, seqs: readonly number[]): Promise<void> {
  const tables = localTables(db);
  for (const seq of seqs) {
    const row = await db.outbox.get(seq);
    if (!row) continue;
    const { mutation } = row;
    const hlc = await nextHlc(db);
    const { table } = tables[mutation.entity];
    const record = await table.get(mutation.entityId);
    if (record) {
      const hlcs = { ...record.hlcs };
      for (const field of Object.keys(mutation.fields)) if (hlcs[field] === mutation.hlc) hlcs[field] = hlc;
      await table.put({ ...record, hlcs });
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a re-queued change carries no old refusal
    const { rejectionCode, ...queued } = row;
    await db.outbox.put({ ...queued, mutation: { ...mutation, id: uuidv7(), hlc }, state: 'pending' });
  }
}

/** The tables restampForResend writes, for the caller's transaction. */
export function restampTables(db: UraDatabase) {
  return [db.outbox, db.meta, ...Object.values(localTables(db)).map((local) => local.table)];
}
