/**
 * A session's life (docs/accounts.md, "Session"): renewed on use at most once
 * an hour, ended 30 days after its last use or 90 days after sign-in, by
 * signing out, or by revoking its device; bound to one device. Sessions here
 * are opened as a right password would open them (testAccounts.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { revokeDevice } from '../../../src/server/accounts/devices.ts';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import type { ErrorResponse, SessionInfo, SyncResponse } from '../../../src/sync/protocol.ts';
import { countRows, makeMutation, makeStudentFields, makeSyncRequest, newId } from '../../support/serverFixtures.ts';
import {
  createTestAccount,
  openTestSession,
  startAccountServer,
  type AccountTestServer,
} from '../../support/testAccounts.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const SCHOOL = DEMO_SCHOOL_IDS.ferizajAhmetHoxha;

describe('a session', () => {
  let server: AccountTestServer;
  let userId: string;
  let cookie: string;
  const device = newId();
  beforeEach(async () => {
    server = await startAccountServer();
    ({ userId } = await createTestAccount(server.db, {
      roles: [{ role: 'schoolTeam', schoolId: SCHOOL }],
      now: server.clock.now,
    }));
    cookie = await openTestSession(server.db, userId, device, server.clock.now);
  });
  afterEach(async () => {
    await server.cleanup();
  });

  /** `null`: no cookie at all. */
  const getSession = (withCookie: string | null = cookie) =>
    server.app.inject({
      method: 'GET',
      url: '/api/session',
      ...(withCookie === null ? {} : { headers: { cookie: withCookie } }),
    });

  const postSync = (body: unknown, withCookie: string | null = cookie) =>
    server.app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: { 'content-type': 'application/json', ...(withCookie === null ? {} : { cookie: withCookie }) },
      payload: JSON.stringify(body),
    });

  const studentCreate = () => makeMutation({ clientId: device, fields: makeStudentFields({ schoolId: SCHOOL }) });

  function expectCleared(response: LightMyRequestResponse): void {
    expect(response.headers['set-cookie']).toBe(
      'ura_session=; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age=0',
    );
  }

  it('tells who is signed in, what they may see and until when', async () => {
    const response = await getSession();
    expect(response.statusCode).toBe(200);
    const info = response.json<SessionInfo>();
    expect(info.user.id).toBe(userId);
    expect(info.scope).toMatchObject({ roles: ['schoolTeam'], schoolIds: [SCHOOL] });
    expect(info.expiresAt).toBe(server.clock.now + 30 * DAY);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a request without a cookie, or with an unknown token, as unauthenticated', async () => {
    const none = await getSession(null);
    expect([none.statusCode, none.json<ErrorResponse>()]).toEqual([401, { error: { code: 'unauthenticated' } }]);
    const forged = await getSession(`ura_session=${'A'.repeat(43)}`);
    expect(forged.statusCode).toBe(401);
    expectCleared(forged);
    const before = await countRows(server.db);
    const sync = await postSync(makeSyncRequest({ clientId: device, mutations: [studentCreate()] }), null);
    expect([sync.statusCode, sync.json<ErrorResponse>()]).toEqual([401, { error: { code: 'unauthenticated' } }]);
    expect(await countRows(server.db)).toEqual(before);
  });

  it('is refused before its body is read: an oversized body without a session is told 401, not 413', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: { 'content-type': 'application/json' },
      payload: 'x'.repeat(6 * 1024 * 1024),
    });
    expect(response.statusCode).toBe(401);
  });

  it('is renewed on use once an hour has passed, not before, and the cookie is sent again', async () => {
    server.clock.now += HOUR - 1;
    expect((await getSession()).headers['set-cookie']).toBeUndefined();
    server.clock.now += 2;
    const renewed = await getSession();
    expect(renewed.headers['set-cookie']).toBe(
      `${cookie}; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age=${(30 * DAY) / 1000}`,
    );
    expect(renewed.json<SessionInfo>().expiresAt).toBe(server.clock.now + 30 * DAY);
    const stored = await server.db
      .selectFrom('session')
      .select(['last_used_at', 'expires_at'])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ last_used_at: server.clock.now, expires_at: server.clock.now + 30 * DAY });
    server.clock.now += 30 * 60 * 1000;
    expect((await getSession()).headers['set-cookie']).toBeUndefined();
  });

  it('ends 30 days after its last use', async () => {
    server.clock.now += 20 * DAY;
    expect((await getSession()).statusCode).toBe(200);
    server.clock.now += 30 * DAY - 1;
    expect((await getSession()).statusCode).toBe(200);
    server.clock.now += 30 * DAY;
    const lapsed = await getSession();
    expect(lapsed.statusCode).toBe(401);
    expectCleared(lapsed);
    expect((await postSync(makeSyncRequest({ clientId: device }))).statusCode).toBe(401);
    const expiries = await server.db
      .selectFrom('audit_event')
      .select('user_id')
      .where('action', '=', 'session_expired')
      .execute();
    expect(expiries).toEqual([{ user_id: userId }]);
  });

  it('ends 90 days after sign-in however often it is used, and the last renewals say so', async () => {
    for (let day = 25; day < 90; day += 25) {
      server.clock.now += 25 * DAY;
      expect((await getSession()).statusCode).toBe(200);
    }
    // Day 75: the renewal may not run past day 90.
    const last = await server.db.selectFrom('session').select(['created_at', 'expires_at']).executeTakeFirstOrThrow();
    expect(last.expires_at).toBe(last.created_at + 90 * DAY);
    server.clock.now = last.created_at + 90 * DAY - 1;
    const final = await getSession();
    expect(final.statusCode).toBe(200);
    expect(final.headers['set-cookie']).toMatch(/Max-Age=0$/);
    server.clock.now += 1;
    expect((await getSession()).statusCode).toBe(401);
  });

  it('ends on DELETE /api/session: the next sync is unauthenticated, and signing out again is fine', async () => {
    const signOut = await server.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(signOut.statusCode).toBe(204);
    expectCleared(signOut);
    expect((await postSync(makeSyncRequest({ clientId: device }))).statusCode).toBe(401);
    const again = await server.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(again.statusCode).toBe(204);
    expect((await server.app.inject({ method: 'DELETE', url: '/api/session' })).statusCode).toBe(204);
    const signOuts = await server.db
      .selectFrom('audit_event')
      .select(['user_id', 'client_id'])
      .where('action', '=', 'sign_out')
      .execute();
    expect(signOuts).toEqual([{ user_id: userId, client_id: device }]);
  });

  it('belongs to one device: a sync naming another client id is forbidden and changes nothing', async () => {
    const before = await countRows(server.db);
    const response = await postSync(makeSyncRequest({ clientId: newId(), mutations: [] }));
    expect([response.statusCode, response.json<ErrorResponse>()]).toEqual([403, { error: { code: 'forbidden' } }]);
    expect(await countRows(server.db)).toEqual(before);
  });

  it('keeps the sync refusals of a signed-in device as they were (415, 400, 426)', async () => {
    const text = await server.app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: { cookie, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(text.statusCode).toBe(415);
    expect((await postSync({ cursor: 0 })).statusCode).toBe(400);
    expect((await postSync(makeSyncRequest({ clientId: device, protocolVersion: 999 }))).statusCode).toBe(426);
    const accepted = await postSync(makeSyncRequest({ clientId: device, mutations: [studentCreate()] }));
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<SyncResponse>().results).toEqual([expect.objectContaining({ status: 'applied' })]);
  });

  it('dies with its device: a revoked device is told so (403) at its next request, and stays refused', async () => {
    const outcome = await server.db.transaction().execute((trx) => revokeDevice(trx, null, device, server.clock.now));
    expect(outcome).toBe('revoked');
    const sync = await postSync(makeSyncRequest({ clientId: device, mutations: [studentCreate()] }));
    expect([sync.statusCode, sync.json<ErrorResponse>()]).toEqual([403, { error: { code: 'device_revoked' } }]);
    expectCleared(sync);
    expect((await getSession()).statusCode).toBe(403);
    const sessions = await server.db.selectFrom('session').select('revoked_at').execute();
    expect(sessions).toEqual([{ revoked_at: server.clock.now }]);
    expect(
      await server.db
        .selectFrom('entity_field')
        .select('entity')
        .where('entity', '=', 'student')
        .where('client_id', '=', device)
        .execute(),
    ).toEqual([]);
  });
});
