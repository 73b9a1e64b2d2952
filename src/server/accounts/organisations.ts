/** Organisations: schools, CSOs, municipal education directorates, centres for social work, ministries. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema, OrganisationKind } from '../database/databaseSchema.ts';
import { recordAudit } from '../audit/auditLog.ts';

type Db = Kysely<DatabaseSchema>;

export const ORGANISATION_KINDS = [
  'school',
  'cso',
  'med',
  'csw',
  'ministry',
] as const satisfies readonly OrganisationKind[];

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  municipalityId: string | null;
  schoolId: string | null;
  createdAt: number;
}

export interface NewOrganisation {
  /** Fixed ids for the demo; new ones otherwise. */
  id?: string;
  kind: OrganisationKind;
  name: string;
  municipalityId: string | null;
  schoolId: string | null;
}

/** `actorId`: the administrator who made it; null for the server's own (the demo seed). */
export async function createOrganisation(
  db: Db,
  actorId: string | null,
  input: NewOrganisation,
  now: number,
): Promise<Organisation> {
  const organisation: Organisation = {
    id: input.id ?? randomUUID(),
    kind: input.kind,
    name: input.name,
    municipalityId: input.municipalityId,
    schoolId: input.schoolId,
    createdAt: now,
  };
  await db
    .insertInto('organisation')
    .values({
      id: organisation.id,
      kind: organisation.kind,
      name: organisation.name,
      municipality_id: organisation.municipalityId,
      school_id: organisation.schoolId,
      created_at: now,
    })
    .execute();
  await recordAudit(db, now, [
    { userId: actorId, action: 'organisation_created', entity: 'organisation', entityId: organisation.id },
  ]);
  return organisation;
}

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  const rows = await db.selectFrom('organisation').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    municipalityId: row.municipality_id,
    schoolId: row.school_id,
    createdAt: row.created_at,
  }));
}

export async function organisationExists(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
