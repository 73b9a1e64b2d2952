import type { Kysely } from 'kysely';
import type { Change, Entity } from '../../sync/protocol.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';

export interface ChangePage {
  changes: Change[];
  nextCursor: number;
  hasMore: boolean;
}

/**
 * The change-log rows after `cursor`, at most `limit` of them, grouped into one
 * Change per record (in order of first appearance). Within a page a later row
 * for the same field replaces an earlier one, so the client gets final values.
 * Rows written by `callerClientId` are scanned (the cursor moves past them) but
 * not sent: that device already holds exactly those values. So are rows of
 * `hidden` record types, which the caller's protocol version cannot store.
 */
export async function readChanges(
  db: Kysely<DatabaseSchema>,
  cursor: number,
  limit: number,
  caller: { callerClientId?: string; hidden?: ReadonlySet<Entity> } = {},
): Promise<ChangePage> {
  const { callerClientId, hidden } = caller;
  const rows = await db
    .selectFrom('change_log')
    .select(['seq', 'entity', 'entity_id', 'field', 'value_json', 'hlc', 'client_id'])
    .where('seq', '>', cursor)
    .orderBy('seq')
    // One extra row tells whether another page follows, without a count query.
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const byRecord = new Map<string, Change>();
  for (const row of page) {
    if (callerClientId !== undefined && row.client_id === callerClientId) continue;
    if (hidden?.has(row.entity) === true) continue;
    const key = `${row.entity}\u0000${row.entity_id}`;
    let change = byRecord.get(key);
    if (change === undefined) {
      change = { entity: row.entity, entityId: row.entity_id, fields: {}, hlcs: {} };
      byRecord.set(key, change);
    }
    change.fields[row.field] = JSON.parse(row.value_json) as unknown;
    change.hlcs[row.field] = row.hlc;
  }
  return {
    changes: [...byRecord.values()],
    nextCursor: page.at(-1)?.seq ?? cursor,
    hasMore: rows.length > limit,
  };
}
