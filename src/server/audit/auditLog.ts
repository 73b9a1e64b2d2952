import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import type { AuditAction } from '../../domain/auditActions.ts';
import { municipalitiesOfEntries } from './auditPlaces.ts';

export { AUDIT_ACTIONS, type AuditAction } from '../../domain/auditActions.ts';

export interface AuditEntry {
  userId: string | null;
  clientId?: string | null;
  action: AuditAction;
  entity?: string | null;
  entityId?: string | null;
  /** Ids and counts only: never a name, a note or a field value. */
  detail?: Readonly<Record<string, string | number | boolean | null>>;
}

/** Municipality links per insert statement: two parameters each, far below both engines' limits. */
const LINK_CHUNK = 1000;

/**
 * Appends audit rows, and the municipalities each belongs to (auditPlaces.ts),
 * which is what a coordinator's view of the trail filters on. Pass the
 * request's transaction so they commit with what they record. Outside one,
 * the two inserts are two statements: should the process die between them,
 * the event belongs to no municipality and only administrators see it —
 * never more people than should.
 */
export async function recordAudit(
  db: Kysely<DatabaseSchema>,
  at: number,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    at,
    user_id: entry.userId,
    client_id: entry.clientId ?? null,
    action: entry.action,
    entity: entry.entity ?? null,
    entity_id: entry.entityId ?? null,
    detail_json: entry.detail === undefined ? null : JSON.stringify(entry.detail),
  }));
  const places = await municipalitiesOfEntries(db, entries);
  if (places.every((municipalities) => municipalities.size === 0)) {
    await db.insertInto('audit_event').values(rows).execute();
    return;
  }
  // The order of RETURNING rows is not promised (SQLite says so); an event's places follow
  // from the columns it shares with its entry, so each row finds them by those.
  const placesOf = new Map(rows.map((row, index) => [placeKey(row), places[index] ?? new Set<string>()]));
  const inserted = await db
    .insertInto('audit_event')
    .values(rows)
    .returning(['id', 'user_id', 'entity', 'entity_id', 'detail_json'])
    .execute();
  const links = inserted.flatMap((row) =>
    [...(placesOf.get(placeKey(row)) ?? [])].map((municipalityId) => ({
      event_id: Number(row.id),
      municipality_id: municipalityId,
    })),
  );
  for (let start = 0; start < links.length; start += LINK_CHUNK) {
    await db
      .insertInto('audit_event_municipality')
      .values(links.slice(start, start + LINK_CHUNK))
      .execute();
  }
}

/** The columns an event's municipalities are worked out from (not its action, time or device). */
function placeKey(row: {
  user_id: string | null;
  entity: string | null;
  entity_id: string | null;
  detail_json: string | null;
}): string {
  return JSON.stringify([row.user_id, row.entity, row.entity_id, row.detail_json]);
}
