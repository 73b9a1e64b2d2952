/**
 * POST /api/session (docs/accounts.md, "Sign-in"): the answer to a wrong
 * password says nothing about which logins exist, five in a row lock the
 * login for 15 minutes, one address may try 20 times a minute, and a sign-in
 * binds the session to one device.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { sha256Hex } from '../../../src/server/auth/secretTokens.ts';
import type { ErrorResponse, SessionInfo } from '../../../src/sync/protocol.ts';
import { countRows, newId } from '../../support/serverFixtures.ts';
import {
  createTestAccount,
  postSignIn,
  startAccountServer,
  tokenFromSetCookie,
  type AccountTestServer,
  type TestAccount,
} from '../../support/testAccounts.ts';

const PASSWORD = 'vesa-password-2026';
const MINUTE = 60_000;

describe('POST /api/session', () => {
  let server: AccountTestServer;
  let vesa: TestAccount;
  const device = newId();
  beforeEach(async () => {
    server = await startAccountServer();
    vesa = await createTestAccount(server.db, {
      login: 'vesa.gashi',
      password: PASSWORD,
      roles: [{ role: 'schoolTeam', schoolId: DEMO_SCHOOL_IDS.ferizajAhmetHoxha }],
      now: server.clock.now,
    });
  });
  afterEach(async () => {
    await server.cleanup();
  });

  const signIn = (password: string, login = 'vesa.gashi', clientId = device) =>
    postSignIn(server.app, { login, password, clientId });

  async function auditActions(): Promise<{ action: string; user_id: string | null; detail_json: string | null }[]> {
    return server.db.selectFrom('audit_event').select(['action', 'user_id', 'detail_json']).orderBy('id').execute();
  }

  it('signs in, sets a session cookie holding a token the database keeps only the hash of', async () => {
    const response = await signIn(PASSWORD, '  Vesa.Gashi ');
    expect(response.statusCode).toBe(200);
    const info = response.json<SessionInfo>();
    expect(info.user).toEqual({ id: vesa.userId, login: 'vesa.gashi', displayName: 'Test user', organisationId: null });
    expect(info.scope.roles).toEqual(['schoolTeam']);
    expect(info.scope.schoolIds).toEqual([DEMO_SCHOOL_IDS.ferizajAhmetHoxha]);
    expect(info.expiresAt).toBe(server.clock.now + 30 * 24 * 60 * MINUTE);

    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(
      /^ura_session=[A-Za-z0-9_-]{43}; Path=\/api; HttpOnly; Secure; SameSite=Strict; Max-Age=2592000$/,
    );
    const token = tokenFromSetCookie(cookie) ?? '';
    const sessions = await server.db.selectFrom('session').selectAll().execute();
    expect(sessions).toEqual([
      expect.objectContaining({
        token_hash: sha256Hex(token),
        user_id: vesa.userId,
        client_id: device,
        revoked_at: null,
      }),
    ]);
    expect(JSON.stringify(sessions)).not.toContain(token);
    const devices = await server.db.selectFrom('device').selectAll().where('client_id', '=', device).execute();
    expect(devices).toEqual([expect.objectContaining({ user_id: vesa.userId, revoked_at: null })]);
    expect(await auditActions()).toContainEqual({ action: 'sign_in', user_id: vesa.userId, detail_json: null });
  });

  it('answers an unknown login, a wrong password, a disabled user and an invited user exactly alike', async () => {
    await createTestAccount(server.db, { login: 'invited', roles: [] });
    const disabled = await createTestAccount(server.db, { login: 'left.school', password: PASSWORD, roles: [] });
    await server.db.updateTable('app_user').set({ disabled_at: 1 }).where('id', '=', disabled.userId).execute();
    const answers = [
      await signIn(PASSWORD, 'nobody'),
      await signIn('wrong-password'),
      await signIn(PASSWORD, 'left.school'),
      await signIn(PASSWORD, 'invited'),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.body).toBe(JSON.stringify({ error: { code: 'invalid_credentials' } }));
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    expect(await server.db.selectFrom('session').selectAll().execute()).toEqual([]);
    const failures = (await auditActions()).filter((row) => row.action === 'sign_in_failed');
    expect(failures.map((row) => row.user_id)).toEqual([null, vesa.userId, disabled.userId, expect.any(String)]);
    // The audit trail keeps ids and counts, never what was typed.
    expect(JSON.stringify(await auditActions())).not.toMatch(/nobody|wrong-password|vesa\.gashi/);
  });

  it('locks the login for 15 minutes after five wrong passwords, even against the right one, then lets it in', async () => {
    for (let attempt = 1; attempt <= 4; attempt += 1) expect((await signIn(`guess-${attempt}`)).statusCode).toBe(401);
    const fifth = await signIn('guess-5');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json<ErrorResponse>()).toEqual({ error: { code: 'too_many_attempts' } });
    expect(fifth.headers['retry-after']).toBe('900');

    server.clock.now += 10 * MINUTE;
    const right = await signIn(PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.headers['retry-after']).toBe('300');
    expect(right.headers['set-cookie']).toBeUndefined();

    server.clock.now += 5 * MINUTE;
    expect((await signIn(PASSWORD)).statusCode).toBe(200);
    const actions = (await auditActions()).map((row) => row.action);
    expect(actions.filter((action) => action === 'sign_in_locked')).toHaveLength(2);
    expect(actions.at(-1)).toBe('sign_in');
  });

  it('counts only wrong passwords in a row: a right one starts the count again', async () => {
    for (let attempt = 1; attempt <= 4; attempt += 1) await signIn(`guess-${attempt}`);
    expect((await signIn(PASSWORD)).statusCode).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt += 1) expect((await signIn(`again-${attempt}`)).statusCode).toBe(401);
  });

  it('refuses a 21st attempt within a minute from one address, whatever the login, and not from another', async () => {
    // Malformed bodies count as attempts too, and cost no password check.
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      expect((await postSignIn(server.app, { login: `user${attempt}` }, '203.0.113.7')).statusCode).toBe(400);
    }
    const refused = await postSignIn(
      server.app,
      { login: 'vesa.gashi', password: PASSWORD, clientId: device },
      '203.0.113.7',
    );
    expect(refused.statusCode).toBe(429);
    expect(refused.json<ErrorResponse>().error.code).toBe('too_many_attempts');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await postSignIn(server.app, { login: 'x' }, '198.51.100.9')).statusCode).toBe(400);

    server.clock.now += MINUTE;
    const later = await postSignIn(
      server.app,
      { login: 'vesa.gashi', password: PASSWORD, clientId: device },
      '203.0.113.7',
    );
    expect(later.statusCode).toBe(200);
  });

  it('refuses a malformed body (400) and another content type (415), naming no value', async () => {
    const before = await countRows(server.db);
    const malformed = await postSignIn(server.app, { login: 'vesa.gashi', password: PASSWORD, clientId: 'phone-1' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<ErrorResponse>().error.issues).toEqual([{ path: 'clientId', code: 'invalid_format' }]);
    expect(malformed.body).not.toContain(PASSWORD);
    const text = await server.app.inject({ method: 'POST', url: '/api/session', payload: 'vesa.gashi' });
    expect(text.statusCode).toBe(415);
    expect(await countRows(server.db)).toEqual(before);
  });

  it("takes over a shared phone: the first person's session on it ends", async () => {
    const other = await createTestAccount(server.db, { login: 'besa', password: 'besa-password-1', roles: [] });
    const first = tokenFromSetCookie((await signIn(PASSWORD)).headers['set-cookie']) ?? '';
    expect((await signIn('besa-password-1', 'besa')).statusCode).toBe(200);

    const stale = await server.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `ura_session=${first}` },
    });
    expect(stale.statusCode).toBe(401);
    const owner = await server.db.selectFrom('device').select('user_id').where('client_id', '=', device).execute();
    expect(owner).toEqual([{ user_id: other.userId }]);
  });

  it('refuses a revoked device even with the right password', async () => {
    expect((await signIn(PASSWORD)).statusCode).toBe(200);
    await server.db.updateTable('device').set({ revoked_at: server.clock.now }).execute();
    const again = await signIn(PASSWORD);
    expect(again.statusCode).toBe(403);
    expect(again.json<ErrorResponse>()).toEqual({ error: { code: 'device_revoked' } });
    expect(again.headers['set-cookie']).toBeUndefined();
  });
});
