/** The reply to sign-in and to `GET /api/session`: who is signed in, what they may see, until when. */
import type { Kysely } from 'kysely';
import type { SessionInfo } from '../../sync/protocol.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { loadAccessScope } from '../sync/accessScopeStore.ts';

type Db = Kysely<DatabaseSchema>;

export async function sessionInfo(db: Db, userId: string, expiresAt: number): Promise<SessionInfo> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'login', 'display_name', 'organisation_id'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    user: { id: user.id, login: user.login, displayName: user.display_name, organisationId: user.organisation_id },
    scope: await loadAccessScope(db, userId),
    expiresAt,
  };
}
