import { v7 as uuidv7 } from 'uuid';
import { localTables } from './localTables.ts';
import { nextHlc } from './syncMeta.ts';
import type { OutboxRow, UraDatabase } from './UraDatabase.ts';

/**
 * What the server will know in place of a refused stamp, by record, field and
 * that stamp: the row's new stamp, or — when the row is dropped — its own base.
 * A later change made on top of a refused one must name a base the server can
 * hold; the refused stamp never reached it, and a base later than every stamp
 * the server holds would pass the change off as made in sight of the current
 * value, so a clash with another phone's write would go unrecorded.
 */
type RefusedStamps = Map<string, string | null>;

function stampKey(mutation: OutboxRow['mutation'], field: string, hlc: string): string {
  return [mutation.entity, mutation.entityId, field, hlc].join('\u0000');
}

function rebased(mutation: OutboxRow['mutation'], field: string, refused: RefusedStamps): string | null {
  const base = mutation.base?.[field] ?? null;
  if (base === null) return null;
  const key = stampKey(mutation, field, base);
  return refused.has(key) ? (refused.get(key) ?? null) : base;
}

/**
 * Re-sends one change as a new mutation: a fresh HLC from the corrected clock
 * and a new id (the server answers a re-sent id with its first verdict). A
 * `create` carries what the phone holds now. A `set` keeps only the fields
 * the phone still shows from it: a field written since (here or pulled) has
 * its own, newer write, which a re-stamped older value must not beat. The
 * record's field stamps take the new HLC, so a pull judges them against what
 * the server will hold. Keeps the row's seq, so order is kept.
 */
async function resendAsNew(db: UraDatabase, row: OutboxRow, refused: RefusedStamps): Promise<void> {
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
  const kept = Object.keys(fields);
  const hlc = kept.length === 0 ? undefined : await nextHlc(db);
  for (const name of Object.keys(mutation.fields)) {
    const replacement = hlc !== undefined && name in fields ? hlc : rebased(mutation, name, refused);
    refused.set(stampKey(mutation, name, mutation.hlc), replacement);
  }
  if (hlc === undefined) {
    await db.outbox.delete(row.seq);
    return;
  }
  const base =
    mutation.base === undefined
      ? {}
      : { base: Object.fromEntries(kept.map((name) => [name, rebased(mutation, name, refused)])) };
  await db.outbox.put({
    seq: row.seq,
    mutation: { ...mutation, id: uuidv7(), hlc, fields, ...base },
    state: 'pending',
    createdAt: row.createdAt,
    attempts: row.attempts,
  });
  if (local) {
    const stamps = Object.fromEntries(kept.map((name) => [name, hlc]));
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
  const refused: RefusedStamps = new Map();
  for (const row of rows) await resendAsNew(db, row, refused);
}

/** The tables restampForResend writes, for the caller's transaction. */
export function restampTables(db: UraDatabase) {
  return [db.outbox, db.meta, ...Object.values(localTables(db)).map((local) => local.table)];
}
