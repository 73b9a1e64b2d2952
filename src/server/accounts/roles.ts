/**
 * Role assignments (docs/accounts.md, "People, organisations, roles"): each
 * role with exactly the place it needs — a school for the school team and
 * principal, a school and class for a teacher, a municipality for a
 * coordinator or CSW liaison, nothing for a mentor or an administrator.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { recordAudit } from '../audit/auditLog.ts';
import { bumpScopeVersion } from './accountQueries.ts';

type Db = Kysely<DatabaseSchema>;

export type RoleGrant =
  | { role: 'schoolTeam' | 'principal'; schoolId: string }
  | { role: 'teacher'; schoolId: string; classKey: string }
  | { role: 'coordinator' | 'cswLiaison'; municipalityId: string }
  | { role: 'mentor' | 'admin' };

/** The place columns of a grant, null where the role takes none. */
export function grantPlaces(grant: RoleGrant): {
  schoolId: string | null;
  municipalityId: string | null;
  classKey: string | null;
} {
  return {
    schoolId: 'schoolId' in grant ? grant.schoolId : null,
    municipalityId: 'municipalityId' in grant ? grant.municipalityId : null,
    classKey: 'classKey' in grant ? grant.classKey : null,
  };
}

/** Whether the user already holds this very grant (same role and place). */
export async function holdsGrant(db: Db, userId: string, grant: RoleGrant): Promise<boolean> {
  const places = grantPlaces(grant);
  const row = await db
    .selectFrom('role_assignment')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', grant.role)
    .where((eb) =>
      eb.and([
        places.schoolId === null ? eb('school_id', 'is', null) : eb('school_id', '=', places.schoolId),
        places.municipalityId === null
          ? eb('municipality_id', 'is', null)
          : eb('municipality_id', '=', places.municipalityId),
        places.classKey === null ? eb('class_key', 'is', null) : eb('class_key', '=', places.classKey),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** Grants a role; returns the assignment's id. The caller checks the places exist and the grant is new. */
export async function grantRole(
  db: Db,
  actorId: string | null,
  userId: string,
  grant: RoleGrant,
  now: number,
): Promise<string> {
  const id = randomUUID();
  const places = grantPlaces(grant);
  await db
    .insertInto('role_assignment')
    .values({
      id,
      user_id: userId,
      role: grant.role,
      school_id: places.schoolId,
      municipality_id: places.municipalityId,
      class_key: places.classKey,
      created_at: now,
    })
    .execute();
  await bumpScopeVersion(db, userId);
  await recordAudit(db, now, [
    {
      userId: actorId,
      action: 'role_granted',
      entity: 'user',
      entityId: userId,
      // Ids only: a class key is a class name as the school typed it.
      detail: {
        role: grant.role,
        roleAssignmentId: id,
        schoolId: places.schoolId,
        municipalityId: places.municipalityId,
      },
    },
  ]);
  return id;
}

/** Takes one role assignment away; false when the user holds no assignment with that id. */
export async function revokeRole(
  db: Db,
  actorId: string | null,
  userId: string,
  roleAssignmentId: string,
  now: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('role_assignment')
    .select(['role', 'school_id', 'municipality_id'])
    .where('id', '=', roleAssignmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (row === undefined) return false;
  await db.deleteFrom('role_assignment').where('id', '=', roleAssignmentId).execute();
  await bumpScopeVersion(db, userId);
  await recordAudit(db, now, [
    {
      userId: actorId,
      action: 'role_revoked',
      entity: 'user',
      entityId: userId,
      // Where the role was: the audit trail places the event there (auditPlaces.ts), as it did the grant.
      detail: { role: row.role, roleAssignmentId, schoolId: row.school_id, municipalityId: row.municipality_id },
    },
  ]);
  return true;
}
