import type { Change } from '../sync/protocol.ts';
import { studentSearchKey } from './studentRepository.ts';
import { observeHlc, setCursor } from './syncMeta.ts';
import type { UraDatabase } from './UraDatabase.ts';

interface Versioned {
  id: string;
  hlcs: Record<string, string>;
}

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

function merge<T extends Versioned>(local: T | undefined, change: Change, fields: Record<string, unknown>): T {
  const hlcs = { ...local?.hlcs };
  for (const field of Object.keys(fields)) hlcs[field] = change.hlcs[field] as string;
  return { ...local, ...fields, id: change.entityId, hlcs } as T;
}

/**
 * Applies one pulled page and moves the cursor, in one transaction: a crash
 * mid-way just fetches the page again, and re-applying it changes nothing.
 * A local edit not yet pushed has a later HLC than what it replaced, so a
 * stale server value never overwrites it.
 */
export async function applyRemoteChanges(
  db: UraDatabase,
  changes: readonly Change[],
  nextCursor: number,
): Promise<void> {
  await db.transaction('rw', [db.students, db.schools, db.municipalities, db.meta], async () => {
    let newest: string | undefined;
    for (const change of changes) {
      for (const hlc of Object.values(change.hlcs)) if (newest === undefined || hlc > newest) newest = hlc;
      if (change.entity === 'student') {
        const local = await db.students.get(change.entityId);
        const fields = newerFields(local, change);
        if (Object.keys(fields).length === 0) continue;
        const next = merge(local, change, fields);
        await db.students.put({ ...next, searchKey: studentSearchKey(next), updatedAt: Date.now() });
      } else if (change.entity === 'school') {
        const local = await db.schools.get(change.entityId);
        const fields = newerFields(local, change);
        if (Object.keys(fields).length > 0) await db.schools.put(merge(local, change, fields));
      } else {
        const local = await db.municipalities.get(change.entityId);
        const fields = newerFields(local, change);
        if (Object.keys(fields).length > 0) await db.municipalities.put(merge(local, change, fields));
      }
    }
    if (newest !== undefined) await observeHlc(db, newest);
    await setCursor(db, nextCursor);
  });
}
