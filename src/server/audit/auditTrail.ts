/**
 * Reading the audit trail (docs/accounts.md, "Audit"): an administrator reads
 * all of it; a municipal coordinator only the events that belong to their
 * municipalities (auditPlaces.ts), whatever the filters ask for. Names are
 * looked up as the page is read, never stored in the trail.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import type { AuditAction } from './auditLog.ts';

type Db = Kysely<DatabaseSchema>;

/** Ids per `in (…)` list, far below both engines' parameter limits. */
const ID_CHUNK = 500;

export interface AuditRow {
  id: number;
  at: number;
  userId: string | null;
  clientId: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  detail: unknown;
}

export interface AuditPage {
  events: AuditRow[];
  /** Whether older events match the same filters (ask again with `before`). */
  hasMore: boolean;
  /** The display name of each person the page names: who acted, whose account, a case's assignee. */
  people: Record<string, string>;
  /** The name of each organisation the page is about. */
  organisations: Record<string, string>;
}

export interface AuditFilter {
  limit: number;
  before?: number | undefined;
  action?: AuditAction | undefined;
  userId?: string | undefined;
  caseId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

/** What part of the trail a reader may see: all of it, or their municipalities' events. */
export type AuditReach = { all: true } | { all: false; municipalityIds: readonly string[] };

export async function auditReachOf(db: Db, userId: string): Promise<AuditReach> {
  const grants = await db
    .selectFrom('role_assignment')
    .select(['role', 'municipality_id'])
    .where('user_id', '=', userId)
    .where('role', 'in', ['admin', 'coordinator'])
    .execute();
  if (grants.some((grant) => grant.role === 'admin')) return { all: true };
  const municipalityIds = grants.flatMap((grant) => (grant.municipality_id === null ? [] : [grant.municipality_id]));
  return { all: false, municipalityIds: [...new Set(municipalityIds)] };
}

/** One page, newest first: `limit` events with an id below `before` that match every filter given. */
export async function readAuditPage(db: Db, reach: AuditReach, filter: AuditFilter): Promise<AuditPage> {
  if (!reach.all && reach.municipalityIds.length === 0) {
    return { events: [], hasMore: false, people: {}, organisations: {} };
  }
  let query = db
    .selectFrom('audit_event')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  if (!reach.all) {
    const { municipalityIds } = reach;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('audit_event_municipality').select('event_id').where('municipality_id', 'in', municipalityIds),
    );
  }
  // `before`: the smallest id of the previous page, to read further back.
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
  if (filter.caseId !== undefined) query = query.where('entity', '=', 'case').where('entity_id', '=', filter.caseId);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  const rows = await query.execute();
  const events: AuditRow[] = rows.slice(0, filter.limit).map((row) => ({
    id: Number(row.id),
    at: Number(row.at),
    userId: row.user_id,
    clientId: row.client_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    detail: row.detail_json === null ? null : (JSON.parse(row.detail_json) as unknown),
  }));
  return {
    events,
    hasMore: rows.length > filter.limit,
    people: await namesOf(peopleNamedBy(events), (ids) =>
      db.selectFrom('app_user').select(['id', 'display_name as name']).where('id', 'in', ids).execute(),
    ),
    organisations: await namesOf(subjectsOf(events, 'organisation'), (ids) =>
      db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', ids).execute(),
    ),
  };
}

function peopleNamedBy(events: readonly AuditRow[]): string[] {
  const ids = new Set<string>(subjectsOf(events, 'user'));
  for (const event of events) {
    if (event.userId !== null) ids.add(event.userId);
    const detail = (event.detail ?? {}) as Record<string, unknown>;
    for (const key of ['assigneeId', 'flaggedBy']) if (typeof detail[key] === 'string') ids.add(detail[key]);
  }
  return [...ids];
}

function subjectsOf(events: readonly AuditRow[], entity: string): string[] {
  return [...new Set(events.flatMap((event) => (event.entity === entity && event.entityId ? [event.entityId] : [])))];
}

async function namesOf(
  ids: readonly string[],
  read: (chunk: string[]) => Promise<{ id: string; name: string }[]>,
): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (let start = 0; start < ids.length; start += ID_CHUNK) {
    for (const row of await read(ids.slice(start, start + ID_CHUNK))) names[row.id] = row.name;
  }
  return names;
}
