import type { Kysely } from 'kysely';
import type { AccessScope } from '../../domain/accessScope.ts';
import type { Change, Entity } from '../../sync/protocol.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { pullableBy, pullableParts, type LogCondition } from './scopeFilter.ts';

export interface ChangePage {
  changes: Change[];
  nextCursor: number;
  hasMore: boolean;
}

/** A case (or a student with no case) whose fields a page carried: what the audit trail records as read. */
export interface ReadSubject {
  entity: 'case' | 'student';
  entityId: string;
  fields: number;
}

export interface ScopedPage extends ChangePage {
  read: ReadSubject[];
}

export interface PullFilter {
  /**
   * What the viewer may see: rows outside it and hidden fields are not sent.
   * Every sync request passes one; only the server's own reads leave it out.
   */
  scope?: AccessScope;
  /** Rows this device wrote: it already holds exactly those values. */
  callerClientId?: string;
  /** Record types the caller's protocol version cannot store. */
  hidden?: ReadonlySet<Entity>;
}

/**
 * The change-log rows after `cursor` that the caller receives, at most `limit`
 * of them, grouped into one Change per record (in order of first appearance).
 * Within a page a later row for the same field replaces an earlier one, so the
 * client gets final values. Rows it does not receive (outside its scope, a
 * hidden field, its own writes, a record type its version cannot store) are
 * filtered in SQL, and the cursor still moves past them: the query is bounded
 * by the log's head read first, so a page that ends short moves the cursor to
 * that head. Seqs become visible in commit order (inWriteTransaction), so
 * every row up to the head is committed and none is skipped, whereas a head
 * read after the rows could pass over a row committed in between.
 */
export async function readChanges(
  db: Kysely<DatabaseSchema>,
  cursor: number,
  limit: number,
  caller: PullFilter = {},
): Promise<ScopedPage> {
  const { scope, callerClientId, hidden } = caller;
  const head = await readHead(db);
  if (head <= cursor) return { changes: [], nextCursor: cursor, hasMore: false, read: [] };
  const range = (condition?: LogCondition) => {
    let query = db
      .selectFrom('change_log as cl')
      .select(['cl.seq', 'cl.entity', 'cl.entity_id', 'cl.field', 'cl.value_json', 'cl.hlc'])
      .where('cl.seq', '>', cursor)
      .where('cl.seq', '<=', head);
    // The scope first: it passes over most rows without reading client_id, the last column, which
    // lies beyond the values (a long visit note spills onto overflow pages).
    if (condition !== undefined) query = query.where(condition);
    if (callerClientId !== undefined) {
      query = query.where((eb) => eb.or([eb('cl.client_id', 'is', null), eb('cl.client_id', '!=', callerClientId)]));
    }
    if (hidden !== undefined && hidden.size > 0) query = query.where('cl.entity', 'not in', [...hidden]);
    return query;
  };
  // A narrow scope's rows come from two lookups (public records, its own records), a wide one's from the range.
  const parts = scope === undefined ? undefined : pullableParts(scope);
  const pulled =
    parts === undefined
      ? range(scope === undefined ? undefined : (eb) => pullableBy(eb, scope))
      : db.selectFrom(range(parts[0]).unionAll(range(parts[1])).as('cl')).selectAll();
  // One extra row tells whether another page follows, without a count query. The page's
  // records are joined to their keys (for the audit trail) after the limit, not before.
  const rows = await db
    .selectFrom(
      pulled
        .orderBy('cl.seq')
        .limit(limit + 1)
        .as('page'),
    )
    .leftJoin('record_scope as rs', (join) =>
      join.onRef('rs.entity', '=', 'page.entity').onRef('rs.entity_id', '=', 'page.entity_id'),
    )
    .select(['page.seq', 'page.entity', 'page.entity_id', 'page.field', 'page.value_json', 'page.hlc'])
    .select(['rs.case_id', 'rs.student_id'])
    .orderBy('page.seq')
    .execute();
  const page = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  const byRecord = new Map<string, Change>();
  const read = new Map<string, ReadSubject>();
  for (const row of page) {
    const key = `${row.entity}\u0000${row.entity_id}`;
    let change = byRecord.get(key);
    if (change === undefined) {
      change = { entity: row.entity, entityId: row.entity_id, fields: {}, hlcs: {} };
      byRecord.set(key, change);
    }
    change.fields[row.field] = JSON.parse(row.value_json) as unknown;
    change.hlcs[row.field] = row.hlc;
    countRead(read, row.case_id, row.student_id);
  }
  return {
    changes: [...byRecord.values()],
    nextCursor: hasMore ? (page.at(-1)?.seq ?? cursor) : head,
    hasMore,
    read: [...read.values()],
  };
}

function countRead(read: Map<string, ReadSubject>, caseId: string | null, studentId: string | null): void {
  const entity = caseId !== null ? 'case' : 'student';
  const entityId = caseId ?? studentId;
  if (entityId === null) return;
  const key = `${entity}\u0000${entityId}`;
  const seen = read.get(key);
  if (seen === undefined) read.set(key, { entity, entityId, fields: 1 });
  else seen.fields += 1;
}

/** The newest seq in the log (0 when empty). */
async function readHead(db: Kysely<DatabaseSchema>): Promise<number> {
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('seq').as('head'))
    .executeTakeFirst();
  return Number(row?.head ?? 0);
}
