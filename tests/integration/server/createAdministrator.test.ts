/**
 * The first administrator of a deployment without demo data, created from the
 * server's shell (npm run create-admin): they set their password with the
 * printed one-time code and sign in as an administrator.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdministrator } from '../../../src/server/accounts/createAdministrator.ts';
import { LoginTakenError } from '../../../src/server/accounts/users.ts';
import type { SessionInfo } from '../../../src/sync/protocol.ts';
import { newId } from '../../support/serverFixtures.ts';
import { postSignIn, startAccountServer, type AccountTestServer } from '../../support/testAccounts.ts';

const PASSWORD = 'a long first password';

describe('the first administrator', () => {
  let server: AccountTestServer;
  beforeEach(async () => {
    server = await startAccountServer();
  });
  afterEach(async () => {
    await server.cleanup();
  });

  const accept = (code: string) =>
    server.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { code, password: PASSWORD } });

  it('sets a password with the printed code, once, and signs in with the administrator role', async () => {
    expect((await postSignIn(server.app, { login: 'drita', password: PASSWORD, clientId: newId() })).statusCode).toBe(
      401,
    );
    const { code } = await createAdministrator(
      server.db,
      { login: 'drita', displayName: 'Drita Berisha' },
      server.clock.now,
    );

    expect((await accept(code)).statusCode).toBe(204);
    expect((await accept(code)).statusCode).toBe(401);
    const signedIn = await postSignIn(server.app, { login: 'drita', password: PASSWORD, clientId: newId() });
    expect(signedIn.statusCode).toBe(200);
    const session = signedIn.json<SessionInfo>();
    expect(session.user.displayName).toBe('Drita Berisha');
    expect(session.scope.roles).toEqual(['admin']);
  });

  it('refuses a login that is taken and creates nothing', async () => {
    const users = await server.db.selectFrom('app_user').select('id').execute();
    await expect(
      createAdministrator(server.db, { login: 'admin', displayName: 'Another' }, server.clock.now),
    ).rejects.toBeInstanceOf(LoginTakenError);
    expect(await server.db.selectFrom('app_user').select('id').execute()).toHaveLength(users.length);
  });
});
