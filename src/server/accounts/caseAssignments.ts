/**
 * Cases given to a person (a CSO mentor, usually) by the school team or
 * principal of the case's school. The assignee's scope changes with it: their
 * next sync brings the whole case, or removes it.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { recordAudit } from '../audit/auditLog.ts';
import { bumpScopeVersion, caseSchoolId } from './accountQueries.ts';

type Db = Kysely<DatabaseSchema>;

/** Whether `actorId` may assign the case's people: school team or principal of the case's school. */
export async function mayAssignCase(db: Db, actorId: string, caseId: string): Promise<boolean | 'unknownCase'> {
  const schoolId = await caseSchoolId(db, caseId);
  if (schoolId === undefined) return 'unknownCase';
  const grant = await db
    .selectFrom('role_assignment')
    .select('id')
    .where('user_id', '=', actorId)
    .where('role', 'in', ['schoolTeam', 'principal'])
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  return grant !== undefined;
}

/** Whether the user holds the CSO mentor role, the only one a case is given to. */
export async function holdsMentorRole(db: Db, userId: string): Promise<boolean> {
  const grant = await db
    .selectFrom('role_assignment')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', 'mentor')
    .executeTakeFirst();
  return grant !== undefined;
}

/** Assigns the case; false when it already was (nothing changes then). */
export async function assignCase(
  db: Db,
  actorId: string | null,
  caseId: string,
  userId: string,
  now: number,
): Promise<boolean> {
  const inserted = await db
    .insertInto('case_assignment')
    .values({ case_id: caseId, user_id: userId, assigned_at: now, assigned_by: actorId })
    .onConflict((conflict) => conflict.columns(['case_id', 'user_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await bumpScopeVersion(db, userId);
  await recordAudit(db, now, [
    { userId: actorId, action: 'case_assigned', entity: 'case', entityId: caseId, detail: { assigneeId: userId } },
  ]);
  return true;
}

/** Takes the case away from the user; false when it was not assigned. */
export async function unassignCase(
  db: Db,
  actorId: string | null,
  caseId: string,
  userId: string,
  now: number,
): Promise<boolean> {
  const deleted = await db
    .deleteFrom('case_assignment')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) return false;
  await bumpScopeVersion(db, userId);
  await recordAudit(db, now, [
    { userId: actorId, action: 'case_unassigned', entity: 'case', entityId: caseId, detail: { assigneeId: userId } },
  ]);
  return true;
}
