import { v7 as uuidv7 } from 'uuid';
import type { ExportAuditItem } from '../sync/exportAuditProtocol.ts';
import { correctedNow } from './syncMeta.ts';
import type { UraDatabase } from './UraDatabase.ts';

export { EXPORT_KINDS, type ExportKind } from '../sync/exportAuditProtocol.ts';

/**
 * One export made on this device, waiting to reach the server's audit trail
 * (F19: "audit every read/export"). Ids and counts only, never a name. Kept
 * until the server has recorded it, so an export made offline is still
 * audited (src/sync/exportAuditFlush.ts sends it after the next sync).
 */
export type ExportLogRow = ExportAuditItem;

/** Records an export; call it in the same step that hands the file to the browser. */
export async function recordExport(db: UraDatabase, row: ExportLogRow): Promise<void> {
  await db.exportLog.put(row);
}

/**
 * Records an export made now: a new id, and the time on the device's clock
 * corrected by the server's, so a phone whose clock runs ahead is not
 * refused for a time in the future.
 */
export async function recordNewExport(db: UraDatabase, what: Omit<ExportLogRow, 'id' | 'at'>): Promise<ExportLogRow> {
  const row: ExportLogRow = { ...what, id: uuidv7(), at: await correctedNow(db) };
  await recordExport(db, row);
  return row;
}

/** The oldest `limit` exports not yet acknowledged by the server (ids are UUIDv7: oldest first). */
export async function pendingExports(db: UraDatabase, limit: number): Promise<ExportLogRow[]> {
  return db.exportLog.orderBy('id').limit(limit).toArray();
}

export async function countPendingExports(db: UraDatabase): Promise<number> {
  return db.exportLog.count();
}

/** Forgets exports the server has recorded (or refused for good). */
export async function forgetExports(db: UraDatabase, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.exportLog.bulkDelete([...ids]);
}
