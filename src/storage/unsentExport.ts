import { version as APP_VERSION } from '../../package.json';
import { localIsoDate } from '../domain/dueDates.ts';
import { sealText } from '../domain/unsentEnvelope.ts';
import type { Mutation } from '../sync/protocol.ts';
import type { UraDatabase } from './UraDatabase.ts';

/** The plain document inside a locked file (and the whole of the unlocked files older versions made). */
export const UNSENT_CHANGES_FORMAT = 'ura-unsent-changes';

export interface UnsentChange {
  state: 'pending' | 'rejected';
  /** The server's code, for a refused change. */
  rejectionCode?: string;
  savedAt: string;
  attempts: number;
  mutation: Mutation;
}

export interface UnsentChangesDocument {
  format: typeof UNSENT_CHANGES_FORMAT;
  appVersion: string;
  exportedAt: string;
  changes: UnsentChange[];
}

export interface ExportFile {
  fileName: string;
  text: string;
  count: number;
}

/**
 * Every change still only on this phone — waiting or refused — in the order
 * it was made: the app version, the export time, and each mutation with its
 * state (and the server's code for a refused one).
 */
export async function unsentChangesDocument(db: UraDatabase, now = new Date()): Promise<UnsentChangesDocument> {
  const rows = await db.outbox.orderBy('seq').toArray();
  const changes = rows.map((row): UnsentChange => ({
    state: row.state,
    ...(row.state === 'rejected' ? { rejectionCode: row.rejectionCode ?? 'unknown' } : {}),
    savedAt: new Date(row.createdAt).toISOString(),
    attempts: row.attempts,
    mutation: row.mutation,
  }));
  return { format: UNSENT_CHANGES_FORMAT, appVersion: APP_VERSION, exportedAt: now.toISOString(), changes };
}

/**
 * The unsent changes locked with `passphrase` (unsentEnvelope.ts): what a
 * person keeps when the phone may be lost, or before signing out, and brings
 * back on this or another phone (importUnsent.ts). Holds children's details,
 * so it is never written unlocked.
 */
export async function exportUnsentLocked(db: UraDatabase, passphrase: string, now = new Date()): Promise<ExportFile> {
  const document = await unsentChangesDocument(db, now);
  const envelope = await sealText(JSON.stringify(document), passphrase);
  return {
    fileName: `ura-unsent-${localIsoDate(now)}-locked.json`,
    text: JSON.stringify(envelope, null, 2),
    count: document.changes.length,
  };
}
