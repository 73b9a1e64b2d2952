/** People who sign in: created by an administrator (with an invitation code) or by the demo seed. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Language } from '../../domain/localizedName.ts';
import type { AppUserTable, DatabaseSchema } from '../database/databaseSchema.ts';
import { recordAudit } from '../audit/auditLog.ts';
import { normaliseLogin, roleGrantsOf, type RoleGrantRow } from './accountQueries.ts';
import { createInvitation, type Invitation } from './invitations.ts';

type Db = Kysely<DatabaseSchema>;

export interface NewUser {
  /** Fixed ids for the demo; new ones otherwise. */
  id?: string;
  login: string;
  displayName: string;
  organisationId: string | null;
  locale: Language;
  /** A ready password hash (demo and test accounts); without it the user gets an invitation code. */
  passwordHash?: string | undefined;
}

export interface UserSummary {
  id: string;
  login: string;
  displayName: string;
  organisationId: string | null;
  locale: string;
  createdAt: number;
  disabled: boolean;
  /** False until the invitation is accepted. */
  hasPassword: boolean;
  roles: RoleGrantRow[];
}

export interface CreatedUser {
  user: UserSummary;
  invitation?: Invitation;
}

export class LoginTakenError extends Error {
  constructor() {
    super('login taken');
    this.name = 'LoginTakenError';
  }
}

/** Throws LoginTakenError when the login is in use. Pass a transaction to keep it with related writes. */
export async function createUser(db: Db, actorId: string | null, input: NewUser, now: number): Promise<CreatedUser> {
  const login = normaliseLogin(input.login);
  const taken = await db.selectFrom('app_user').select('id').where('login', '=', login).executeTakeFirst();
  if (taken !== undefined) throw new LoginTakenError();
  const id = input.id ?? randomUUID();
  await db
    .insertInto('app_user')
    .values({
      id,
      login,
      display_name: input.displayName,
      password_hash: input.passwordHash ?? null,
      organisation_id: input.organisationId,
      locale: input.locale,
      created_at: now,
      disabled_at: null,
      failed_sign_ins: 0,
      locked_until: null,
      scope_version: 1,
    })
    .execute();
  await recordAudit(db, now, [{ userId: actorId, action: 'user_created', entity: 'user', entityId: id }]);
  const user: UserSummary = {
    id,
    login,
    displayName: input.displayName,
    organisationId: input.organisationId,
    locale: input.locale,
    createdAt: now,
    disabled: false,
    hasPassword: input.passwordHash !== undefined,
    roles: [],
  };
  if (input.passwordHash !== undefined) return { user };
  return { user, invitation: await createInvitation(db, actorId, id, now) };
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  const rows = await db.selectFrom('app_user').selectAll().orderBy('login').execute();
  const grants = await db
    .selectFrom('role_assignment')
    .select(['id', 'user_id', 'role', 'school_id', 'municipality_id', 'class_key'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const grantsByUser = new Map<string, RoleGrantRow[]>();
  for (const grant of grants) {
    const list = grantsByUser.get(grant.user_id) ?? [];
    list.push({
      id: grant.id,
      role: grant.role,
      schoolId: grant.school_id,
      municipalityId: grant.municipality_id,
      classKey: grant.class_key,
    });
    grantsByUser.set(grant.user_id, list);
  }
  return rows.map((row) => toSummary(row, grantsByUser.get(row.id) ?? []));
}

export async function findUserSummary(db: Db, userId: string): Promise<UserSummary | undefined> {
  const row = await db.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirst();
  if (row === undefined) return undefined;
  return toSummary(row, await roleGrantsOf(db, row.id));
}

function toSummary(row: Selectable<AppUserTable>, roles: RoleGrantRow[]): UserSummary {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    organisationId: row.organisation_id,
    locale: row.locale,
    createdAt: row.created_at,
    disabled: row.disabled_at !== null,
    hasPassword: row.password_hash !== null,
    roles,
  };
}
