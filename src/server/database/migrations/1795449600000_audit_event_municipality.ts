import type { Kysely } from 'kysely';
import { municipalitiesOfEntries } from '../../audit/auditPlaces.ts';
import type { DatabaseSchema } from '../databaseSchema.ts';

/** Stored events worked out per round of the backfill. */
const BACKFILL_BATCH = 500;

/**
 * The municipalities each audit event belongs to (src/server/audit/auditPlaces.ts),
 * so a municipal coordinator reads only their municipality's part of the trail.
 * One row per event and municipality: an event can belong to several (a school
 * team member of schools in two municipalities). Keyed by municipality first:
 * a coordinator's page is a range of it, newest first. Events recorded before
 * this migration are placed by where their people and records belong now.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_event_municipality')
    .addColumn('municipality_id', 'text', (column) => column.notNull())
    .addColumn('event_id', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('audit_event_municipality_pk', ['municipality_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('audit_event_municipality_event')
    .on('audit_event_municipality')
    .column('event_id')
    .execute();
  await placeStoredEvents(db as unknown as Kysely<DatabaseSchema>);
}

async function placeStoredEvents(db: Kysely<DatabaseSchema>): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .select(['id', 'user_id', 'entity', 'entity_id', 'detail_json'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BACKFILL_BATCH)
      .execute();
    const last = rows.at(-1);
    if (last === undefined) return;
    after = Number(last.id);
    const places = await municipalitiesOfEntries(
      db,
      rows.map((row) => ({
        userId: row.user_id,
        entity: row.entity,
        entityId: row.entity_id,
        detail: detailOf(row.detail_json),
      })),
    );
    const links = rows.flatMap((row, index) =>
      [...(places[index] ?? [])].map((municipalityId) => ({
        event_id: Number(row.id),
        municipality_id: municipalityId,
      })),
    );
    for (let start = 0; start < links.length; start += BACKFILL_BATCH) {
      await db
        .insertInto('audit_event_municipality')
        .values(links.slice(start, start + BACKFILL_BATCH))
        .execute();
    }
  }
}

function detailOf(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_event_municipality').execute();
}
