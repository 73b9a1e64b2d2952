/**
 * The last dashboard figures the device received for one place, so the
 * dashboard works offline and says when its figures were computed.
 * `key` names the place (`municipality:<id>`, `municipality:<id>:school:<id>`,
 * `school:<id>`); ids only, like every index (the row itself is sealed).
 */
export interface DashboardSnapshotRow {
  key: string;
  /** Epoch ms when the figures were computed on the server. */
  computedAt: number;
  /** The server's whole reply (DashboardReply), checked when read back. */
  figures: unknown;
  /** Epoch ms when this phone stored it: offline, the newest is the place shown first. */
  savedAt: number;
}
