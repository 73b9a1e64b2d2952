import { countPendingExports, forgetExports, pendingExports, type ExportLogRow } from '../storage/exportLog.ts';
import type { UraDatabase } from '../storage/UraDatabase.ts';
import {
  EXPORT_AUDIT_PATH,
  MAX_EXPORTS_PER_REQUEST,
  type ExportAuditReply,
  type ExportAuditRequest,
} from './exportAuditProtocol.ts';
import type { FetchLike } from './postSync.ts';

export const EXPORT_AUDIT_TIMEOUT_MS = 30_000;

export interface ExportFlushOptions {
  fetch: FetchLike;
  baseUrl: string;
}

export interface ExportFlushSummary {
  /** Exports the server acknowledged (recorded now or earlier): forgotten here. */
  acknowledged: number;
  /** Exports the server refused on their own, for good (a case no longer in the user's scope): forgotten too. */
  refused: number;
  /** Exports still waiting: the server or the network failed, or the session ended. */
  waiting: number;
}

type Answer = { kind: 'acknowledged'; ids: string[] } | { kind: 'refused' } | { kind: 'unavailable' };

/**
 * Sends the exports made on this device to the server's audit trail
 * (docs/exports.md), oldest first, up to MAX_EXPORTS_PER_REQUEST at a time,
 * and forgets each once the server has acknowledged it. Called after a
 * successful sync, under the sync lock. A batch the server refuses (4xx)
 * holds an export it will never take: each is then sent alone, and only
 * those refused alone are dropped. Never throws: what could not be sent
 * waits for the next sync.
 */
export async function flushExportLog(db: UraDatabase, options: ExportFlushOptions): Promise<ExportFlushSummary> {
  const summary: ExportFlushSummary = { acknowledged: 0, refused: 0, waiting: 0 };
  let skipped = 0;
  for (;;) {
    const batch = (await pendingExports(db, skipped + MAX_EXPORTS_PER_REQUEST)).slice(skipped);
    if (batch.length === 0) break;
    const answer = await send(options, batch);
    if (answer.kind === 'unavailable') break;
    if (answer.kind === 'acknowledged') {
      await forget(db, answer.ids, summary);
      // Anything the server left unanswered stays for the next sync, and must not be sent again now.
      skipped += batch.length - countOf(batch, answer.ids);
      continue;
    }
    const stopped = await sendOneByOne(db, options, batch, summary);
    if (stopped) break;
  }
  summary.waiting = await countPendingExports(db);
  return summary;
}

/** Returns true when the server became unavailable part way (the rest waits). */
async function sendOneByOne(
  db: UraDatabase,
  options: ExportFlushOptions,
  batch: readonly ExportLogRow[],
  summary: ExportFlushSummary,
): Promise<boolean> {
  for (const row of batch) {
    const answer = await send(options, [row]);
    if (answer.kind === 'unavailable') return true;
    if (answer.kind === 'acknowledged' && answer.ids.includes(row.id)) {
      await forget(db, [row.id], summary);
    } else {
      await forgetExports(db, [row.id]);
      summary.refused += 1;
    }
  }
  return false;
}

async function forget(db: UraDatabase, ids: readonly string[], summary: ExportFlushSummary): Promise<void> {
  await forgetExports(db, ids);
  summary.acknowledged += ids.length;
}

function countOf(batch: readonly ExportLogRow[], ids: readonly string[]): number {
  const acknowledged = new Set(ids);
  return batch.filter((row) => acknowledged.has(row.id)).length;
}

/**
 * One request. Refused (for good) only on a 400 or 403 answer; a 401, a 5xx,
 * a network failure or an answer that does not parse leave the batch waiting.
 */
async function send(options: ExportFlushOptions, batch: readonly ExportLogRow[]): Promise<Answer> {
  const request: ExportAuditRequest = { exports: [...batch] };
  let response: Response;
  try {
    response = await options.fetch(`${options.baseUrl}${EXPORT_AUDIT_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(EXPORT_AUDIT_TIMEOUT_MS),
    });
  } catch {
    return { kind: 'unavailable' };
  }
  if (response.status === 400 || response.status === 403) {
    // A revoked device is refused with 403 too, but no export of it can ever be taken: waiting would not help.
    return { kind: 'refused' };
  }
  if (!response.ok) return { kind: 'unavailable' };
  const reply = (await response.json().catch(() => undefined)) as Partial<ExportAuditReply> | undefined;
  const ids = reply?.acknowledged;
  if (!Array.isArray(ids) || !ids.every((value) => typeof value === 'string')) return { kind: 'unavailable' };
  return { kind: 'acknowledged', ids };
}
