/**
 * Request logs (docs/accounts.md, "Audit") hold method, path, status and
 * time: never a password, a login, a session token, a cookie or a recovery
 * secret, even at level info, through a sign-in, a wrong password, a sync and
 * a sign-out.
 */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import type { SignInReply } from '../../../src/sync/protocol.ts';
import { makeMutation, makeStudentFields, makeSyncRequest, newId } from '../../support/serverFixtures.ts';
import {
  createTestAccount,
  postSignIn,
  startAccountServer,
  tokenFromSetCookie,
  type AccountTestServer,
} from '../../support/testAccounts.ts';

const PASSWORD = 'Secret-Passphrase-77';
const LOGIN = 'drita.berisha';

describe('request logs', () => {
  let server: AccountTestServer;
  let lines: string[];
  beforeEach(async () => {
    lines = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(
          ...chunk
            .toString('utf8')
            .split('\n')
            .filter((line) => line !== ''),
        );
        done();
      },
    });
    server = await startAccountServer({ logStream });
    await createTestAccount(server.db, {
      login: LOGIN,
      password: PASSWORD,
      roles: [{ role: 'schoolTeam', schoolId: DEMO_SCHOOL_IDS.ferizajAhmetHoxha }],
    });
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('name no password, login, token, cookie or recovery secret', async () => {
    const clientId = newId();
    expect((await postSignIn(server.app, { login: LOGIN, password: 'not-it', clientId })).statusCode).toBe(401);
    const signedIn = await postSignIn(server.app, { login: LOGIN, password: PASSWORD, clientId });
    expect(signedIn.statusCode).toBe(200);
    const token = tokenFromSetCookie(signedIn.headers['set-cookie']) ?? '';
    const { recoverySecret } = signedIn.json<SignInReply>();
    const mutation = makeMutation({
      clientId,
      fields: makeStudentFields({ schoolId: DEMO_SCHOOL_IDS.ferizajAhmetHoxha, givenName: 'Zgjimi' }),
    });
    const synced = await server.app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: { 'content-type': 'application/json', cookie: `ura_session=${token}` },
      payload: JSON.stringify(makeSyncRequest({ clientId, mutations: [mutation] })),
    });
    expect(synced.statusCode).toBe(200);
    const signedOut = await server.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: `ura_session=${token}` },
    });
    expect(signedOut.statusCode).toBe(204);

    const log = lines.join('\n');
    // The capture works: each request left its lines.
    expect(lines.filter((line) => line.includes('"url":"/api/session"')).length).toBeGreaterThanOrEqual(3);
    expect(log).toContain('"url":"/api/sync"');
    expect(token.length).toBeGreaterThan(20);
    expect(recoverySecret).toHaveLength(43);
    const secrets = [PASSWORD, 'not-it', LOGIN, token, 'ura_session', 'Zgjimi', 'cookie', 'remoteAddress'];
    for (const secret of [...secrets, recoverySecret, 'recoverySecret']) {
      expect(log, secret).not.toContain(secret);
    }
  });
});
