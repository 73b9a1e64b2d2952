/** Small reads the account functions and routes share. */
import type { Kysely } from 'kysely';
import type { Role } from '../../domain/accessScope.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';

type Db = Kysely<DatabaseSchema>;

export interface RoleGrantRow {
  id: string;
  role: Role;
  schoolId: string | null;
  municipalityId: string | null;
  classKey: string | null;
}

/** Logins are compared lower-cased and trimmed: "Drita.B " signs in as "drita.b". */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

export async function roleGrantsOf(db: Db, userId: string): Promise<RoleGrantRow[]> {
  const rows = await db
    .selectFrom('role_assignment')
    .select(['id', 'role', 'school_id', 'municipality_id', 'class_key'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    schoolId: row.school_id,
    municipalityId: row.municipality_id,
    classKey: row.class_key,
  }));
}

export async function userExists(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** Whether a place record (a school or a municipality) is stored, as the seed or a sync wrote it. */
export async function placeExists(db: Db, entity: 'school' | 'municipality', id: string): Promise<boolean> {
  const row = await db
    .selectFrom('entity_field')
    .select('entity_id')
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** A case's school, from its stored `schoolId` field; undefined for an unknown case. */
export async function caseSchoolId(db: Db, caseId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('entity_field')
    .select('value_json')
    .where('entity', '=', 'case')
    .where('entity_id', '=', caseId)
    .where('field', '=', 'schoolId')
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const value: unknown = JSON.parse(row.value_json);
  return typeof value === 'string' ? value : undefined;
}

/** The user's scope changed (a role, an assigned case): the next sync sends the new one. */
export async function bumpScopeVersion(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set((eb) => ({ scope_version: eb('scope_version', '+', 1) }))
    .where('id', '=', userId)
    .execute();
}
