/**
 * A new CSO mentor made as an administrator makes one (no password, an
 * invitation code), on the real server of accountUiServer.ts, for the screen
 * that sets a password with the code.
 */
import { grantRole } from '../../src/server/accounts/roles.ts';
import { createUser } from '../../src/server/accounts/users.ts';
import { DEMO_ORGANISATION_IDS } from '../../src/server/seed/demoAccounts.ts';
import type { AccountServer } from './accountUiServer.ts';

export interface InvitedPerson {
  userId: string;
  login: string;
  displayName: string;
  /** As the administrator reads it out: "7KQ2-M9XD-…". */
  code: string;
}

let invited = 0;

/** Each call a person of their own (a code works once), with a mentor's role in the demo CSO. */
export async function inviteMentor(server: AccountServer): Promise<InvitedPerson> {
  invited += 1;
  const login = `mentor.${invited}`;
  const displayName = `Invited Mentor ${invited}`;
  const { user, invitation } = await createUser(
    server.db,
    null,
    { login, displayName, organisationId: DEMO_ORGANISATION_IDS.cso, locale: 'sq' },
    Date.now(),
  );
  if (invitation === undefined) throw new Error('a user made without a password must get an invitation code');
  await grantRole(server.db, null, user.id, { role: 'mentor' }, Date.now());
  return { userId: user.id, login, displayName, code: invitation.code };
}

/** Whether the person's code has been spent, as the server's own table says. */
export async function invitationUsed(server: AccountServer, person: InvitedPerson): Promise<boolean> {
  const row = await server.db
    .selectFrom('invitation')
    .select('used_at')
    .where('user_id', '=', person.userId)
    .executeTakeFirstOrThrow();
  return row.used_at !== null;
}
