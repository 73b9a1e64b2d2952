import type { Table } from 'dexie';
import type { Change, Entity } from '../sync/protocol.ts';
import { derivedOfPage, pageDerivedTables } from './pulledDerived.ts';
import { observeHlc, setCursor } from './syncMeta.ts';
import { localTables, type LocalTable, type Versioned } from './localTables.ts';
import type { UraDatabase } from './UraDatabase.ts';

/** Fields of `change` that are newer than what the device holds (per-field last-writer-wins). */
function newerFields(local: Versioned | undefined, change: Change): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(change.fields)) {
    const incoming = change.hlcs[field];
    const mine = local?.hlcs[field];
    if (incoming !== undefined && (mine === undefined || incoming > mine)) fields[field] = value;
  }
  return fields;
}

function merge(local: Versioned | undefined, change: Change, fields: Record<string, unknown>): Versioned {
  const hlcs = { ...local?.hlcs };
  for (const field of Object.keys(fields)) hlcs[field] = change.hlcs[field] as string;
  return { ...local, ...fields, id: change.entityId, hlcs };
}

/** What the device holds of every record a page changes, read with one bulkGet per table. */
async function heldRecords(
  tables: Record<Entity, LocalTable>,
  changes: readonly Change[],
): Promise<Map<Table<Versioned, string>, Map<string, Versioned | undefined>>> {
  const ids = new Map<Table<Versioned, string>, Set<string>>();
  for (const change of changes) {
    const { table } = tables[change.entity];
    ids.set(table, (ids.get(table) ?? new Set<string>()).add(change.entityId));
  }
  const held = new Map<Table<Versioned, string>, Map<string, Versioned | undefined>>();
  for (const [table, wanted] of ids) {
    const keys = [...wanted];
    const rows = await table.bulkGet(keys);
    held.set(table, new Map(keys.map((key, index) => [key, rows[index]])));
  }
  return held;
}

/** How a page is applied. */
export interface ApplyOptions {
  /** Leave the derived tables for one rebuild at the end (see applyRemoteChanges). */
  deferDerived?: boolean;
}

/**
 * Applies one pulled page and moves the cursor, in one transaction: a crash
 * mid-way just fetches the page again, and re-applying it changes nothing.
 * A local edit not yet pushed has a later HLC than what it replaced, so a
 * stale server value never overwrites it.
 *
 * The derived tables (visit and screening summaries, case index) are
 * refreshed for what the page touched, in the same transaction. With
 * `deferDerived` they are not: the page writes the `derivedStale` flag
 * instead: one rebuild at the end is less work than a refresh per page (the
 * measured gain is inside the machine's noise, docs/benchmarks.md). The sync
 * passes it only for the pages of a pull that
 * started from cursor 0 while `reply.hasMore` is true, and applies the last
 * page without it: a page applied without it while the flag is set rebuilds
 * every derived table from the records and clears the flag, in the page's
 * transaction. If the pull stops between deferred pages the flag stays, and
 * the next unlock (rebuildStaleDerivedTables) or the next page applied
 * without the option rebuilds them.
 */
export async function applyRemoteChanges(
  db: UraDatabase,
  changes: readonly Change[],
  nextCursor: number,
  options: ApplyOptions = {},
): Promise<void> {
  const deferDerived = options.deferDerived === true;
  const tables = localTables(db);
  const involved = new Set<Table>(changes.map((change) => tables[change.entity].table as Table));
  // Notes, screenings and the case index keep in step with the records in the same transaction, or the flag says not.
  for (const table of [...pageDerivedTables(db, deferDerived), db.meta]) involved.add(table);
  await db.transaction('rw', [...involved], async () => {
    let newest: string | undefined;
    const derived = await derivedOfPage(db, changes, deferDerived);
    // One read and one write per table and page, not per record: a first sync applies hundreds of pages.
    const held = await heldRecords(tables, changes);
    const written = new Map<Table<Versioned, string>, Map<string, Versioned>>();
    for (const change of changes) {
      for (const hlc of Object.values(change.hlcs)) if (newest === undefined || hlc > newest) newest = hlc;
      const { table, derive } = tables[change.entity];
      const local = held.get(table)?.get(change.entityId);
      const fields = newerFields(local, change);
      if (Object.keys(fields).length === 0) continue;
      const merged = merge(local, change, fields);
      const next = derive ? derive(merged) : merged;
      held.get(table)?.set(change.entityId, next);
      written.set(table, (written.get(table) ?? new Map<string, Versioned>()).set(change.entityId, next));
      derived.note(change.entity, change.entityId, next);
    }
    for (const [table, rows] of written) await table.bulkPut([...rows.values()]);
    await derived.finish();
    if (newest !== undefined) await observeHlc(db, newest);
    await setCursor(db, nextCursor);
  });
}
