/**
 * What an administrator does through the API (docs/accounts.md): create
 * organisations and users (each user with a one-time invitation code), grant
 * and take roles, revoke a lost phone, read the audit trail. Refusals carry a
 * stable code and change nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/server/auth/secretTokens.ts';
import { DEMO_MUNICIPALITY_IDS, DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { loadAccessScope } from '../../../src/server/sync/accessScopeStore.ts';
import type { ErrorResponse } from '../../../src/sync/protocol.ts';
import { countRows, makeSyncRequest, newId } from '../../support/serverFixtures.ts';
import {
  createTestAccount,
  openTestSession,
  postSignIn,
  startAccountServer,
  type AccountTestServer,
} from '../../support/testAccounts.ts';

const DAY = 24 * 60 * 60 * 1000;
const SCHOOL = DEMO_SCHOOL_IDS.ferizajAhmetHoxha;

describe('administration', () => {
  let server: AccountTestServer;
  let adminId: string;
  let admin: string;
  beforeEach(async () => {
    server = await startAccountServer();
    ({ userId: adminId } = await createTestAccount(server.db, { login: 'the-admin', roles: [{ role: 'admin' }] }));
    admin = await openTestSession(server.db, adminId, newId(), server.clock.now);
  });
  afterEach(async () => {
    await server.cleanup();
  });

  function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, cookie = admin) {
    return server.app.inject({
      method,
      url,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  }

  async function expectRefusedUnchanged(
    send: () => Promise<{ statusCode: number; body: string }>,
    status: number,
    code: string,
  ) {
    const before = await countRows(server.db);
    const response = await send();
    expect(response.statusCode, response.body).toBe(status);
    expect((JSON.parse(response.body) as ErrorResponse).error.code).toBe(code);
    expect(await countRows(server.db)).toEqual(before);
    return JSON.parse(response.body) as ErrorResponse;
  }

  it('creates organisations, and refuses a school without its school record or an unknown place', async () => {
    const created = await call('POST', '/api/organisations', { kind: 'cso', name: ' Fëmijët e Kosovës ' });
    expect(created.statusCode).toBe(201);
    const { organisation } = created.json<{ organisation: { id: string; name: string } }>();
    expect(organisation.name).toBe('Fëmijët e Kosovës');
    const listed = (await call('GET', '/api/organisations')).json<{ organisations: { id: string }[] }>();
    expect(listed.organisations.map((item) => item.id)).toContain(organisation.id);

    const noSchool = await expectRefusedUnchanged(
      () => call('POST', '/api/organisations', { kind: 'school', name: 'X' }),
      400,
      'bad_request',
    );
    expect(noSchool.error.issues).toEqual([{ path: 'schoolId', code: 'required' }]);
    const unknown = await expectRefusedUnchanged(
      () => call('POST', '/api/organisations', { kind: 'med', name: 'MED', municipalityId: newId() }),
      400,
      'bad_request',
    );
    expect(unknown.error.issues).toEqual([{ path: 'municipalityId', code: 'not_found' }]);
    await expectRefusedUnchanged(
      () => call('POST', '/api/organisations', { kind: 'club', name: 'X' }),
      400,
      'bad_request',
    );
    const audit = await server.db
      .selectFrom('audit_event')
      .select(['user_id', 'entity_id'])
      .where('action', '=', 'organisation_created')
      .where('user_id', '=', adminId)
      .execute();
    expect(audit).toEqual([{ user_id: adminId, entity_id: organisation.id }]);
  });

  it('creates a user with a one-time code that sets their password once, within 7 days', async () => {
    const created = await call('POST', '/api/users', {
      login: 'Arta.Hoxha',
      displayName: 'Arta Hoxha',
      organisationId: null,
      locale: 'sq',
    });
    expect(created.statusCode).toBe(201);
    const { user, invitation } = created.json<{
      user: { id: string; login: string; hasPassword: boolean };
      invitation: { code: string; expiresAt: number };
    }>();
    expect(user).toMatchObject({ login: 'arta.hoxha', hasPassword: false });
    expect(invitation.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(invitation.expiresAt).toBe(server.clock.now + 7 * DAY);
    const stored = await server.db.selectFrom('invitation').selectAll().where('user_id', '=', user.id).execute();
    expect(stored.map((row) => row.code_hash)).toEqual([sha256Hex(invitation.code.replaceAll('-', ''))]);

    const short = await call('POST', '/api/invitations/accept', { code: invitation.code, password: 'too-short' });
    expect(short.statusCode).toBe(400);
    // Typed by hand: lower case, without the dashes.
    const typed = invitation.code.replaceAll('-', '').toLowerCase();
    const accepted = await call('POST', '/api/invitations/accept', { code: typed, password: 'arta-chose-this' }, '');
    expect(accepted.statusCode).toBe(204);
    expect(
      (await postSignIn(server.app, { login: 'arta.hoxha', password: 'arta-chose-this', clientId: newId() }))
        .statusCode,
    ).toBe(200);
    await expectRefusedUnchanged(
      () => call('POST', '/api/invitations/accept', { code: invitation.code, password: 'someone-else-now' }, ''),
      401,
      'invalid_credentials',
    );

    const again = (await call('POST', `/api/users/${user.id}/invitations`)).json<{ invitation: { code: string } }>();
    server.clock.now += 7 * DAY;
    await expectRefusedUnchanged(
      () => call('POST', '/api/invitations/accept', { code: again.invitation.code, password: 'arta-new-password' }, ''),
      401,
      'invalid_credentials',
    );
  });

  it('limits invitation codes like passwords: 20 tries a minute from one address, sign-ins included', async () => {
    const from = (url: string, body: unknown) =>
      server.app.inject({
        method: 'POST',
        url,
        remoteAddress: '203.0.113.50',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await from('/api/session', { login: 'x' })).statusCode).toBe(400);
      expect((await from('/api/invitations/accept', { code: 'x' })).statusCode).toBe(400);
    }
    const refused = await from('/api/invitations/accept', { code: 'AAAA-BBBB-CCCC-DDDD', password: 'long-enough-1' });
    expect([refused.statusCode, refused.json<ErrorResponse>().error.code]).toEqual([429, 'too_many_attempts']);
    expect(refused.headers['retry-after']).toBe('60');
  });

  it('refuses a taken login (409), a malformed one and an unknown organisation (400)', async () => {
    await createTestAccount(server.db, { login: 'besa', roles: [] });
    const user =
      (login: string, organisationId: string | null = null) =>
      () =>
        call('POST', '/api/users', { login, displayName: 'B', organisationId, locale: 'sq' });
    await expectRefusedUnchanged(user(' BESA '), 409, 'conflict');
    await expectRefusedUnchanged(user('has space'), 400, 'bad_request');
    const unknown = await expectRefusedUnchanged(user('new.one', newId()), 400, 'bad_request');
    expect(unknown.error.issues).toEqual([{ path: 'organisationId', code: 'not_found' }]);
  });

  it('grants roles with the places they need, refuses a duplicate, and takes them away', async () => {
    const { userId } = await createTestAccount(server.db, { login: 'vesa', roles: [] });
    const roles = `/api/users/${userId}/roles`;
    await expectRefusedUnchanged(() => call('POST', roles, { role: 'teacher', schoolId: SCHOOL }), 400, 'bad_request');
    await expectRefusedUnchanged(
      () => call('POST', roles, { role: 'schoolTeam', municipalityId: DEMO_MUNICIPALITY_IDS.ferizaj }),
      400,
      'bad_request',
    );
    const unknownSchool = await expectRefusedUnchanged(
      () => call('POST', roles, { role: 'principal', schoolId: newId() }),
      400,
      'bad_request',
    );
    expect(unknownSchool.error.issues).toEqual([{ path: 'schoolId', code: 'not_found' }]);
    await expectRefusedUnchanged(
      () => call('POST', `/api/users/${newId()}/roles`, { role: 'mentor' }),
      404,
      'not_found',
    );

    const teacher = await call('POST', roles, { role: 'teacher', schoolId: SCHOOL, classKey: '7| 7/2 ' });
    expect(teacher.statusCode).toBe(201);
    const granted = teacher.json<{ roleAssignment: { id: string; classKey: string } }>().roleAssignment;
    expect(granted.classKey).toBe('7|7/2');
    expect((await loadAccessScope(server.db, userId)).classes).toEqual([{ schoolId: SCHOOL, classKey: '7|7/2' }]);
    await expectRefusedUnchanged(
      () => call('POST', roles, { role: 'teacher', schoolId: SCHOOL, classKey: '7|7/2' }),
      409,
      'conflict',
    );

    expect((await call('DELETE', `${roles}/${granted.id}`)).statusCode).toBe(204);
    expect((await loadAccessScope(server.db, userId)).classes).toEqual([]);
    await expectRefusedUnchanged(() => call('DELETE', `${roles}/${granted.id}`), 404, 'not_found');
    const actions = await server.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', userId)
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'user_created',
      'invitation_created',
      'role_granted',
      'role_revoked',
    ]);
  });

  it('keeps at least one administrator', async () => {
    const own = await server.db
      .selectFrom('role_assignment')
      .select('id')
      .where('user_id', '=', adminId)
      .executeTakeFirstOrThrow();
    const demoAdmin = await server.db
      .selectFrom('role_assignment')
      .select(['id', 'user_id'])
      .where('role', '=', 'admin')
      .where('user_id', '!=', adminId)
      .executeTakeFirstOrThrow();
    expect((await call('DELETE', `/api/users/${demoAdmin.user_id}/roles/${demoAdmin.id}`)).statusCode).toBe(204);
    await expectRefusedUnchanged(() => call('DELETE', `/api/users/${adminId}/roles/${own.id}`), 409, 'conflict');
    // Named under another user, the grant is not theirs: unknown, not the last administrator's.
    await expectRefusedUnchanged(() => call('DELETE', `/api/users/${newId()}/roles/${own.id}`), 404, 'not_found');
  });

  it("lists a user's devices and revokes a lost one: its session ends and its next sync is told so", async () => {
    const { userId } = await createTestAccount(server.db, { roles: [{ role: 'schoolTeam', schoolId: SCHOOL }] });
    const phone = newId();
    const cookie = await openTestSession(server.db, userId, phone, server.clock.now);
    const devices = (await call('GET', `/api/users/${userId}/devices`)).json<{
      devices: { clientId: string; revokedAt: number | null }[];
    }>();
    expect(devices.devices).toEqual([expect.objectContaining({ clientId: phone, revokedAt: null })]);

    expect((await call('POST', `/api/devices/${phone}/revoke`)).statusCode).toBe(204);
    const sync = await call('POST', '/api/sync', makeSyncRequest({ clientId: phone }), cookie);
    expect([sync.statusCode, sync.json<ErrorResponse>().error.code]).toEqual([403, 'device_revoked']);
    const ended = await server.db.selectFrom('session').select('revoked_at').where('client_id', '=', phone).execute();
    expect(ended).toEqual([{ revoked_at: server.clock.now }]);
    expect((await call('POST', `/api/devices/${phone}/revoke`)).statusCode).toBe(204);
    await expectRefusedUnchanged(() => call('POST', `/api/devices/${newId()}/revoke`), 404, 'not_found');
    const revocations = await server.db
      .selectFrom('audit_event')
      .select(['user_id', 'client_id', 'entity_id'])
      .where('action', '=', 'device_revoked')
      .execute();
    expect(revocations).toEqual([{ user_id: adminId, client_id: phone, entity_id: userId }]);
  });

  it('reads the audit trail newest first, a page at a time, as stored: ids and codes', async () => {
    const first = (await call('GET', '/api/audit?limit=3')).json<{
      events: { id: number; action: string; userId: string | null }[];
    }>();
    expect(first.events).toHaveLength(3);
    const ids = first.events.map((event) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const last = ids.at(-1) ?? 0;
    const next = (await call('GET', `/api/audit?limit=3&before=${last}`)).json<{ events: { id: number }[] }>();
    expect(next.events.every((event) => event.id < last)).toBe(true);
    expect((await call('GET', '/api/audit?limit=0')).statusCode).toBe(400);
    expect((await call('GET', '/api/audit?order=login')).statusCode).toBe(400);
  });
});
