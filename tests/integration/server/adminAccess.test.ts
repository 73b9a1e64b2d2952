/**
 * Who may use the administration API: every route answers 401 without a
 * session and 403 forbidden to every role but `admin` (the audit trail: also
 * `coordinator`), and a refused request changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../src/domain/accessScope.ts';
import type { RoleGrant } from '../../../src/server/accounts/roles.ts';
import { DEMO_MUNICIPALITY_IDS, DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import type { ErrorResponse } from '../../../src/sync/protocol.ts';
import { countRows, newId } from '../../support/serverFixtures.ts';
import {
  createTestAccount,
  openTestSession,
  startAccountServer,
  type AccountTestServer,
} from '../../support/testAccounts.ts';

const SCHOOL = DEMO_SCHOOL_IDS.ferizajAhmetHoxha;

const GRANTS: Record<Role, RoleGrant> = {
  mentor: { role: 'mentor' },
  teacher: { role: 'teacher', schoolId: SCHOOL, classKey: '7|7/2' },
  schoolTeam: { role: 'schoolTeam', schoolId: SCHOOL },
  principal: { role: 'principal', schoolId: SCHOOL },
  coordinator: { role: 'coordinator', municipalityId: DEMO_MUNICIPALITY_IDS.ferizaj },
  cswLiaison: { role: 'cswLiaison', municipalityId: DEMO_MUNICIPALITY_IDS.ferizaj },
  admin: { role: 'admin' },
};

interface AdminRoute {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  body?: unknown;
  /** Roles besides admin that may use it. */
  alsoFor?: Role[];
}

describe('the administration API', () => {
  let server: AccountTestServer;
  const cookies = new Map<Role, string>();
  let routes: AdminRoute[];
  beforeAll(async () => {
    server = await startAccountServer();
    for (const [role, grant] of Object.entries(GRANTS) as [Role, RoleGrant][]) {
      const { userId } = await createTestAccount(server.db, { login: `the-${role.toLowerCase()}`, roles: [grant] });
      cookies.set(role, await openTestSession(server.db, userId, newId(), server.clock.now));
    }
    const target = await createTestAccount(server.db, { login: 'target', roles: [{ role: 'mentor' }] });
    const device = newId();
    await openTestSession(server.db, target.userId, device, server.clock.now);
    const grant = await server.db
      .selectFrom('role_assignment')
      .select('id')
      .where('user_id', '=', target.userId)
      .executeTakeFirstOrThrow();
    const user = `/api/users/${target.userId}`;
    routes = [
      { method: 'GET', url: '/api/organisations' },
      { method: 'POST', url: '/api/organisations', body: { kind: 'cso', name: 'Partner CSO' } },
      { method: 'GET', url: '/api/users' },
      {
        method: 'POST',
        url: '/api/users',
        body: { login: 'new.user', displayName: 'N', organisationId: null, locale: 'sq' },
      },
      { method: 'POST', url: `${user}/invitations` },
      { method: 'POST', url: `${user}/roles`, body: { role: 'schoolTeam', schoolId: SCHOOL } },
      { method: 'DELETE', url: `${user}/roles/${grant.id}` },
      { method: 'GET', url: `${user}/devices` },
      { method: 'POST', url: `/api/devices/${device}/revoke` },
      { method: 'GET', url: '/api/audit?limit=5', alsoFor: ['coordinator'] },
    ];
  });
  afterAll(async () => {
    await server.cleanup();
  });

  function send(route: AdminRoute, cookie?: string) {
    return server.app.inject({
      method: route.method,
      url: route.url,
      headers: {
        ...(route.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie === undefined ? {} : { cookie }),
      },
      ...(route.body === undefined ? {} : { payload: JSON.stringify(route.body) }),
    });
  }

  it('refuses every route without a session (401) and to every other role (403), changing nothing', async () => {
    const before = await countRows(server.db);
    const answers: string[] = [];
    for (const route of routes) {
      const anonymous = await send(route);
      answers.push(
        `${route.method} ${route.url} none ${anonymous.statusCode} ${anonymous.json<ErrorResponse>().error.code}`,
      );
      for (const role of Object.keys(GRANTS) as Role[]) {
        if (role === 'admin' || route.alsoFor?.includes(role) === true) continue;
        const response = await send(route, cookies.get(role));
        answers.push(
          `${route.method} ${route.url} ${role} ${response.statusCode} ${response.json<ErrorResponse>().error.code}`,
        );
      }
    }
    const expected = routes.flatMap((route) => [
      `${route.method} ${route.url} none 401 unauthenticated`,
      ...(Object.keys(GRANTS) as Role[])
        .filter((role) => role !== 'admin' && route.alsoFor?.includes(role) !== true)
        .map((role) => `${route.method} ${route.url} ${role} 403 forbidden`),
    ]);
    expect(answers).toEqual(expected);
    expect(await countRows(server.db)).toEqual(before);
  });

  it('lets the administrator use every route (and a coordinator read the audit trail)', async () => {
    const statuses = [];
    for (const route of routes) statuses.push((await send(route, cookies.get('admin'))).statusCode);
    expect(statuses).toEqual([200, 201, 200, 201, 201, 201, 204, 200, 204, 200]);
    const audit = routes.find((route) => route.url.startsWith('/api/audit'));
    expect(audit).toBeDefined();
    if (audit !== undefined) expect((await send(audit, cookies.get('coordinator'))).statusCode).toBe(200);
  });
});
