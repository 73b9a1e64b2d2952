/**
 * Exports made on devices, into the audit trail (PRODUCT F19; docs/exports.md).
 * A device reports each export it made, offline or not, with an id of its
 * own; the server records an `export` event per id once, however often the
 * same report arrives, with the kind and the number of rows only. A request
 * naming anything the user may not have exported, or that breaks the rules
 * below, is refused whole and writes nothing.
 */
import type { Kysely } from 'kysely';
import { ROWS_OF_ONE_DOCUMENT, type ExportAuditItem, type ExportAuditReply } from '../../sync/exportAuditProtocol.ts';
import { MAX_CLOCK_AHEAD_MS, type ErrorResponse } from '../../sync/protocol.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { errorBody, type Issue } from '../routes/errorReplies.ts';
import { recordAudit, type AuditEntry } from './auditLog.ts';
import { mayHaveExported } from './exportAuditAccess.ts';

type Db = Kysely<DatabaseSchema>;

export interface ExportActor {
  userId: string;
  clientId: string;
}

export type ExportAuditOutcome =
  { ok: true; reply: ExportAuditReply } | { ok: false; status: 400 | 403; body: ErrorResponse };

/** Enough issues to find the fault; a hostile body must not make a huge reply. */
const MAX_ISSUES = 20;

/** Printed documents: one each, about one case (a summary) or one municipality's plan (a MAP report). */
const DOCUMENT_KINDS: ReadonlySet<ExportAuditItem['kind']> = new Set(['caseSummary', 'mapReport']);

/**
 * Rules the schema cannot state: a case summary is one document about one
 * case, a MAP report one document about one municipality's plan (no school,
 * no case), a list or table is about no single case, and an export cannot
 * have been made later than a wrong clock explains (MAX_CLOCK_AHEAD_MS).
 */
export function exportIssues(items: readonly ExportAuditItem[], now: number): Issue[] {
  const issues: Issue[] = [];
  items.forEach((item, index) => {
    const at = (field: string) => `exports.${index}.${field}`;
    if (item.kind === 'caseSummary' && item.caseId === null) issues.push({ path: at('caseId'), code: 'required' });
    if (item.kind !== 'caseSummary' && item.caseId !== null) issues.push({ path: at('caseId'), code: 'not_allowed' });
    if (item.kind === 'mapReport' && item.municipalityId === null) {
      issues.push({ path: at('municipalityId'), code: 'required' });
    }
    if (item.kind === 'mapReport' && item.schoolId !== null) issues.push({ path: at('schoolId'), code: 'not_allowed' });
    if (DOCUMENT_KINDS.has(item.kind) && item.rows > ROWS_OF_ONE_DOCUMENT) {
      issues.push({ path: at('rows'), code: 'too_big' });
    }
    if (DOCUMENT_KINDS.has(item.kind) && item.rows < ROWS_OF_ONE_DOCUMENT) {
      issues.push({ path: at('rows'), code: 'too_small' });
    }
    if (item.at > now + MAX_CLOCK_AHEAD_MS) issues.push({ path: at('at'), code: 'clock_ahead' });
  });
  return issues.slice(0, MAX_ISSUES);
}

/**
 * Records the exports not recorded before, in one transaction: their
 * receipts (the primary key makes a second, concurrent report of the same id
 * wait and then insert nothing) and their audit events, each at the time the
 * device handed the file over. Exports already recorded are acknowledged
 * without being checked again: the user may since have lost the case.
 */
export async function recordExports(
  db: Db,
  actor: ExportActor,
  items: readonly ExportAuditItem[],
  now: number,
): Promise<ExportAuditOutcome> {
  const issues = exportIssues(items, now);
  if (issues.length > 0) return { ok: false, status: 400, body: errorBody('bad_request', issues) };
  const unique = [...new Map(items.map((item) => [item.id, item])).values()];
  return db.transaction().execute(async (trx): Promise<ExportAuditOutcome> => {
    const received = await receivedIds(trx, unique);
    const fresh = unique.filter((item) => !received.has(item.id));
    if (!(await mayHaveExported(trx, actor.userId, fresh))) {
      return { ok: false, status: 403, body: errorBody('forbidden') };
    }
    const inserted = await insertReceipts(trx, actor.userId, fresh, now);
    const recorded = fresh.filter((item) => inserted.has(item.id));
    const byTime = new Map<number, AuditEntry[]>();
    for (const item of recorded) {
      const entries = byTime.get(item.at) ?? [];
      entries.push(auditEntryOf(actor, item));
      byTime.set(item.at, entries);
    }
    for (const [at, entries] of byTime) await recordAudit(trx, at, entries);
    return { ok: true, reply: { acknowledged: unique.map((item) => item.id), recorded: recorded.length } };
  });
}

/**
 * The event: about the case a summary is of, else the school or
 * municipality the file is limited to (which places it, auditPlaces.ts);
 * the detail is the kind and the rows, never a name.
 */
export function auditEntryOf(actor: ExportActor, item: ExportAuditItem): AuditEntry {
  const about =
    item.caseId !== null
      ? { entity: 'case', entityId: item.caseId }
      : item.schoolId !== null
        ? { entity: 'school', entityId: item.schoolId }
        : item.municipalityId !== null
          ? { entity: 'municipality', entityId: item.municipalityId }
          : { entity: null, entityId: null };
  return {
    userId: actor.userId,
    clientId: actor.clientId,
    action: 'export',
    ...about,
    detail: { kind: item.kind, rows: item.rows },
  };
}

async function receivedIds(db: Db, items: readonly ExportAuditItem[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const rows = await db
    .selectFrom('export_receipt')
    .select('id')
    .where(
      'id',
      'in',
      items.map((item) => item.id),
    )
    .execute();
  return new Set(rows.map((row) => row.id));
}

async function insertReceipts(
  db: Db,
  userId: string,
  items: readonly ExportAuditItem[],
  now: number,
): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const rows = await db
    .insertInto('export_receipt')
    .values(items.map((item) => ({ id: item.id, user_id: userId, received_at: now })))
    .onConflict((conflict) => conflict.column('id').doNothing())
    .returning('id')
    .execute();
  return new Set(rows.map((row) => row.id));
}
