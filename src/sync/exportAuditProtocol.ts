/**
 * How a device tells the server's audit trail what it exported (PRODUCT F19:
 * "audit every read/export"; docs/exports.md). Types and constants only, so
 * the sync loop on the first screen can use them without loading zod; the
 * server validates with exportAuditSchemas.ts.
 */

/** What was exported: each kind is one file or printout a screen offers (the audit trail names it). */
export const EXPORT_KINDS = ['caseList', 'dashboardTable', 'caseSummary', 'mapReport'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export function isExportKind(value: unknown): value is ExportKind {
  return typeof value === 'string' && (EXPORT_KINDS as readonly string[]).includes(value);
}

export const EXPORT_AUDIT_PATH = '/api/audit/exports';

/** Exports per request: a week of a busy office's exports in one small body. */
export const MAX_EXPORTS_PER_REQUEST = 100;

/** Rows a file may hold: far above any municipality's caseload, far below a forged count's reach. */
export const MAX_EXPORT_ROWS = 100_000;

/** A printed document is one record: a case summary is of exactly one case. */
export const ROWS_OF_ONE_DOCUMENT = 1;

/** One export as the device sends it: ids and counts only, never a name. */
export interface ExportAuditItem {
  /** UUIDv7 made on the device: the server records each export once, however often it is sent. */
  id: string;
  kind: ExportKind;
  /** Rows in the file (1 for a printed summary). */
  rows: number;
  /** The case a summary is of; null for lists and tables. */
  caseId: string | null;
  /** The school the file is limited to, if it is (a filtered list, a school's table). */
  schoolId: string | null;
  municipalityId: string | null;
  /** Epoch ms when the file was handed over, on the device's clock corrected by the server's. */
  at: number;
}

export interface ExportAuditRequest {
  exports: ExportAuditItem[];
}

export interface ExportAuditReply {
  /** Every id of the request: recorded now, or recorded by an earlier request. The device forgets these. */
  acknowledged: string[];
  /** How many of them this request recorded (the rest were already in the trail). */
  recorded: number;
}

/**
 * Issue codes of a 400 beyond zod's own (`too_big` rows, `invalid_value` kind):
 * a summary that names no case, and a time further ahead than a wrong clock explains.
 */
export const EXPORT_AUDIT_ISSUES = ['required', 'not_allowed', 'clock_ahead'] as const;
