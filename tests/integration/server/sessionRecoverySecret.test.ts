/**
 * The device's recovery secret (docs/accounts.md, "Recovery secret"): handed
 * over by a password sign-in, the same for the same person on the same device,
 * made anew for another person, and destroyed by signing out, by revoking the
 * device, and when an administrator removes the person.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetRecoverySecretsOfUser } from '../../../src/server/accounts/devices.ts';
import { DEMO_USER_IDS } from '../../../src/server/seed/demoAccounts.ts';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import type { SignInReply } from '../../../src/sync/protocol.ts';
import { newId } from '../../support/serverFixtures.ts';
import {
  createTestAccount,
  openTestSession,
  postSignIn,
  sessionCookieHeader,
  startAccountServer,
  tokenFromSetCookie,
  type AccountTestServer,
} from '../../support/testAccounts.ts';

const PASSWORD = 'Secret-Passphrase-77';
const DAY = 24 * 60 * 60 * 1000;
const ROLES = [{ role: 'schoolTeam', schoolId: DEMO_SCHOOL_IDS.ferizajAhmetHoxha }] as const;

// Each password sign-in costs a third of a second of scrypt; a loaded machine runs several at once.
describe('the recovery secret', { timeout: 20_000 }, () => {
  let server: AccountTestServer;
  let vesaId: string;
  beforeEach(async () => {
    server = await startAccountServer();
    const now = server.clock.now;
    ({ userId: vesaId } = await createTestAccount(server.db, { login: 'vesa', password: PASSWORD, roles: ROLES, now }));
    await createTestAccount(server.db, { login: 'arben', password: PASSWORD, roles: ROLES, now });
  });
  afterEach(async () => {
    await server.cleanup();
  });

  const signIn = (clientId: string, login = 'vesa', password = PASSWORD) =>
    postSignIn(server.app, { login, password, clientId });

  /** A right sign-in: its secret and the session cookie it set. */
  async function signedIn(clientId: string, login = 'vesa'): Promise<{ secret: string; cookie: string }> {
    const response = await signIn(clientId, login);
    expect(response.statusCode).toBe(200);
    const token = tokenFromSetCookie(response.headers['set-cookie']) ?? '';
    return { secret: response.json<SignInReply>().recoverySecret, cookie: sessionCookieHeader(token) };
  }

  /** The device row's secret; undefined when the device has no row. */
  async function stored(clientId: string): Promise<string | null | undefined> {
    const row = await server.db
      .selectFrom('device')
      .select('recovery_secret')
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row?.recovery_secret;
  }

  const signOut = (cookie: string) => server.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });

  it('is 32 random bytes in base64url, kept on the device, and the same when the device signs in again', async () => {
    const device = newId();
    const first = await signedIn(device);
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first.secret, 'base64url')).toHaveLength(32);
    expect(await stored(device)).toBe(first.secret);

    server.clock.now += 40 * DAY; // the first session has lapsed: the phone signs in again to sync
    expect((await signedIn(device)).secret).toBe(first.secret);
  });

  it('differs from one device to another, of the same person or not', async () => {
    const secrets = [
      (await signedIn(newId())).secret,
      (await signedIn(newId())).secret,
      (await signedIn(newId(), 'arben')).secret,
    ];
    expect(new Set(secrets).size).toBe(3);
  });

  it('is destroyed by signing out, and the next sign-in on the device gets a new one', async () => {
    const device = newId();
    const first = await signedIn(device);
    expect((await signOut(first.cookie)).statusCode).toBe(204);
    expect(await stored(device)).toBeNull();

    const next = await signedIn(device);
    expect(next.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(next.secret).not.toBe(first.secret);
    expect(await stored(device)).toBe(next.secret);
  });

  it('is destroyed by signing out after the session lapsed too (the app deletes its data either way)', async () => {
    const device = newId();
    const { cookie } = await signedIn(device);
    server.clock.now += 31 * DAY;
    expect((await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
    expect((await signOut(cookie)).statusCode).toBe(204);
    expect(await stored(device)).toBeNull();
  });

  it('is destroyed when an administrator revokes the device, which then gets none', async () => {
    const device = newId();
    await signedIn(device);
    const admin = await openTestSession(server.db, DEMO_USER_IDS.admin, newId(), server.clock.now);
    const revoked = await server.app.inject({
      method: 'POST',
      url: `/api/devices/${device}/revoke`,
      headers: { cookie: admin },
    });
    expect(revoked.statusCode).toBe(204);
    expect(await stored(device)).toBeNull();

    const refused = await signIn(device);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toBe(JSON.stringify({ error: { code: 'device_revoked' } }));
    expect(await stored(device)).toBeNull();
  });

  it('is made anew when another person signs in on the device, whose sign-out then leaves it alone', async () => {
    const device = newId();
    const vesa = await signedIn(device);
    const arben = await signedIn(device, 'arben');
    expect(arben.secret).not.toBe(vesa.secret);
    // Vesa's old cookie no longer speaks for the device: it does not destroy Arben's secret.
    expect((await signOut(vesa.cookie)).statusCode).toBe(204);
    expect(await stored(device)).toBe(arben.secret);

    const vesaAgain = await signedIn(device);
    expect([vesa.secret, arben.secret]).not.toContain(vesaAgain.secret);
  });

  it('is neither made nor handed over by a wrong password or a locked login', async () => {
    const device = newId();
    const wrong = await signIn(device, 'vesa', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toBe(JSON.stringify({ error: { code: 'invalid_credentials' } }));
    expect(await stored(device)).toBeUndefined();

    const { secret } = await signedIn(device);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const guess = await signIn(device, 'vesa', `guess-${attempt}`);
      expect([guess.statusCode, guess.body.includes(secret)]).toEqual([401, false]);
    }
    const locked = await signIn(device, 'vesa', 'guess-5');
    const rightWhileLocked = await signIn(device);
    for (const refused of [locked, rightWhileLocked]) {
      expect(refused.statusCode).toBe(429);
      expect(refused.body).toBe(JSON.stringify({ error: { code: 'too_many_attempts' } }));
    }
    // Failed attempts leave the device's secret as it was.
    expect(await stored(device)).toBe(secret);
  });

  it('is destroyed on every device of a person an administrator removes, and only theirs', async () => {
    const phone = newId();
    const tablet = newId();
    const arbensPhone = newId();
    await signedIn(phone);
    await signedIn(tablet);
    const arben = await signedIn(arbensPhone, 'arben');
    await forgetRecoverySecretsOfUser(server.db, vesaId);
    expect([await stored(phone), await stored(tablet), await stored(arbensPhone)]).toEqual([null, null, arben.secret]);
  });
});
