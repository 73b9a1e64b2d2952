/**
 * An administrator created from the server's shell (src/server/cli/createAdmin.ts):
 * a user with the administrator role and a one-time invitation code, with
 * which they choose their own password in the app.
 */
import { inWriteTransaction } from '../database/databaseEngine.ts';
import type { AppDatabase } from '../database/openDatabase.ts';
import { grantRole } from './roles.ts';
import { createUser } from './users.ts';

export interface NewAdministrator {
  login: string;
  displayName: string;
}

/** Creates the user with the administrator role; returns their invitation code and when it expires. */
export async function createAdministrator(
  db: AppDatabase,
  admin: NewAdministrator,
  now: number,
): Promise<{ code: string; expiresAt: number }> {
  return inWriteTransaction(db, async (trx) => {
    const created = await createUser(
      trx,
      null,
      { login: admin.login, displayName: admin.displayName, organisationId: null, locale: 'sq' },
      now,
    );
    await grantRole(trx, null, created.user.id, { role: 'admin' }, now);
    if (created.invitation === undefined) throw new Error('a user without a password always gets an invitation');
    return created.invitation;
  });
}
