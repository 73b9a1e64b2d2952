/**
 * Where the recovery secret goes (docs/accounts.md, "Recovery secret"): in the
 * reply to a password sign-in, read there by the app's own sign-in call, and
 * nowhere else — not in the session check, a sync, the administration API or
 * the audit trail. (Request logs: sessionLogs.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/server/seed/demoAccounts.ts';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import type { FetchLike } from '../../../src/sync/postSync.ts';
import type { SignInReply } from '../../../src/sync/protocol.ts';
import { recoverySecretSchema } from '../../../src/sync/protocolSchemas.ts';
import { signIn } from '../../../src/sync/sessionApi.ts';
import { makeMutation, makeStudentFields, makeSyncRequest, newId } from '../../support/serverFixtures.ts';
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
const SCHOOL = DEMO_SCHOOL_IDS.ferizajAhmetHoxha;

// Each password sign-in costs a third of a second of scrypt; a loaded machine runs several at once.
describe('the recovery secret travels', { timeout: 20_000 }, () => {
  let server: AccountTestServer;
  let userId: string;
  beforeEach(async () => {
    server = await startAccountServer();
    ({ userId } = await createTestAccount(server.db, {
      login: 'vesa',
      password: PASSWORD,
      roles: [{ role: 'schoolTeam', schoolId: SCHOOL }],
      now: server.clock.now,
    }));
  });
  afterEach(async () => {
    await server.cleanup();
  });

  /** The app's fetch, reaching the server through inject; `edit` changes a 200 body on its way back. */
  function appFetch(edit: (body: Record<string, unknown>) => unknown = (body) => body): FetchLike {
    return async (url, init) => {
      const reply = await server.app.inject({
        method: init.method ?? 'GET',
        url: new URL(url).pathname,
        headers: { 'content-type': 'application/json' },
        payload: typeof init.body === 'string' ? init.body : '',
      });
      const body = reply.statusCode === 200 ? JSON.stringify(edit(reply.json<Record<string, unknown>>())) : reply.body;
      return new Response(body, { status: reply.statusCode, headers: { 'content-type': 'application/json' } });
    };
  }

  it("to the app's sign-in call, which refuses a reply without a well-formed one", async () => {
    const clientId = newId();
    const request = { login: 'vesa', password: PASSWORD, clientId };
    const result = await signIn(appFetch(), 'https://ura.test', request);
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
    const stored = await server.db
      .selectFrom('device')
      .select('recovery_secret')
      .where('client_id', '=', clientId)
      .executeTakeFirstOrThrow();
    expect(result.session.recoverySecret).toBe(stored.recovery_secret);
    expect(result.session.user.id).toBe(userId);
    expect(recoverySecretSchema.safeParse(result.session.recoverySecret).success).toBe(true);

    const without = appFetch((body) => ({ ...body, recoverySecret: undefined }));
    const padded = appFetch((body) => ({ ...body, recoverySecret: `${String(body.recoverySecret)}=` }));
    const base64 = appFetch((body) => ({ ...body, recoverySecret: String(body.recoverySecret).replace(/.$/, '+') }));
    for (const fetch of [without, padded, base64]) {
      expect(await signIn(fetch, 'https://ura.test', request)).toEqual({ ok: false, reason: 'server' });
    }
  });

  it('as 43 base64url characters exactly, by the shared schema', () => {
    const secret = 'A'.repeat(42) + '_';
    expect(recoverySecretSchema.safeParse(secret).success).toBe(true);
    for (const wrong of [secret.slice(1), `${secret}A`, `${secret.slice(1)}=`, `${secret.slice(1)}/`]) {
      expect(recoverySecretSchema.safeParse(wrong).success, wrong).toBe(false);
    }
  });

  it('nowhere else: not the session check, a sync, the device list or the audit trail', async () => {
    const clientId = newId();
    const signedIn = await postSignIn(server.app, { login: 'vesa', password: PASSWORD, clientId });
    const secret = signedIn.json<SignInReply>().recoverySecret;
    expect(secret).toHaveLength(43);
    const cookie = sessionCookieHeader(tokenFromSetCookie(signedIn.headers['set-cookie']) ?? '');
    const admin = await openTestSession(server.db, DEMO_USER_IDS.admin, newId(), server.clock.now);
    const mutation = makeMutation({ clientId, fields: makeStudentFields({ schoolId: SCHOOL }) });

    const replies = {
      session: await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } }),
      sync: await server.app.inject({
        method: 'POST',
        url: '/api/sync',
        headers: { 'content-type': 'application/json', cookie },
        payload: JSON.stringify(makeSyncRequest({ clientId, mutations: [mutation] })),
      }),
      devices: await server.app.inject({
        method: 'GET',
        url: `/api/users/${userId}/devices`,
        headers: { cookie: admin },
      }),
      audit: await server.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: admin } }),
    };
    for (const [name, reply] of Object.entries(replies)) {
      expect(reply.statusCode, name).toBe(200);
      expect(reply.body, name).not.toContain(secret);
      expect(reply.body, name).not.toContain('recoverySecret');
    }
    // The replies are the full ones: the first sync carries the scope, the device list this device.
    expect(replies.sync.json<{ scope?: unknown }>().scope).toBeDefined();
    expect(replies.devices.body).toContain(clientId);
    const audit = await server.db.selectFrom('audit_event').selectAll().execute();
    expect(audit.some((row) => row.action === 'sign_in' && row.client_id === clientId)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });
});
