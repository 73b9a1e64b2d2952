import type { UraDatabase } from './UraDatabase.ts';

/** What was exported: each kind is one file a screen offers (the audit trail names it). */
export const EXPORT_KINDS = ['caseList', 'dashboardTable', 'caseSummary', 'mapReport'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * One export made on this device, waiting to reach the server's audit trail
 * (F19: "audit every read/export"). Ids and counts only, never a name. Kept
 * until the server has recorded it, so an export made offline is still audited.
 */
export interface ExportLogRow {
  /** UUIDv7 made on the device: the server records each export once, however often it is sent. */
  id: string;
  kind: ExportKind;
  /** Rows in the file (1 for a printed summary). */
  rows: number;
  /** The case a summary is of; null for lists and tables. */
  caseId: string | null;
  schoolId: string | null;
  municipalityId: string | null;
  /** Epoch ms on the device. */
  at: number;
}

/** Records an export; call it in the same step that hands the file to the browser. */
export async function recordExport(db: UraDatabase, row: ExportLogRow): Promise<void> {
  await db.exportLog.put(row);
}
