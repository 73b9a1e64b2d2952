/**
 * The last dashboard figures the device received or computed for one place,
 * so the dashboard works offline and says when its figures were computed.
 * `key` names the place (e.g. `municipality:<id>`, `school:<id>`).
 */
export interface DashboardSnapshotRow {
  key: string;
  /** Epoch ms when the figures were computed (on the server, or on this device). */
  computedAt: number;
  figures: unknown;
}
