import { version as APP_VERSION } from '../../../package.json';
import { localIsoDate } from '../../domain/dueDates.ts';
import { db } from '../../storage/database.ts';

/**
 * Every change still only on this phone — waiting or refused — as a JSON file
 * to keep before a sign-out deletes them: the app version, the export time,
 * and each mutation with its state (and the server's code for a refused one).
 * The same shape as the outbox screen's export of refused changes.
 */
export async function exportUnsentChanges(now = new Date()) {
  const rows = await db.outbox.orderBy('seq').toArray();
  const changes = rows.map((row) => ({
    state: row.state,
    ...(row.state === 'rejected' ? { rejectionCode: row.rejectionCode ?? 'unknown' } : {}),
    savedAt: new Date(row.createdAt).toISOString(),
    attempts: row.attempts,
    mutation: row.mutation,
  }));
  const document = { format: 'ura-unsent-changes', appVersion: APP_VERSION, exportedAt: now.toISOString(), changes };
  return {
    fileName: `ura-unsent-${localIsoDate(now)}.json`,
    text: JSON.stringify(document, null, 2),
    count: rows.length,
  };
}
