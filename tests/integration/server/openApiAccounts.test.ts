/**
 * The OpenAPI description of sessions, invitations and administration, held
 * against a real server with the demo data (docs/api.md): it lists exactly the
 * routes the server serves, every route needing a session or a role refuses as
 * documented, and real replies match the schema documented for their status.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USER_IDS } from '../../../src/server/seed/demoAccounts.ts';
import { DEMO_MUNICIPALITY_IDS } from '../../../src/server/seed/demoPlaces.ts';
import {
  expectValid,
  isObject,
  resolvePointer,
  validatorFor,
  type DocumentValidator,
  type JsonObject,
} from '../../support/openApiChecks.ts';
import { newId } from '../../support/serverFixtures.ts';
import {
  createTestAccount,
  openTestSession,
  startAccountServer,
  tokenFromSetCookie,
  type AccountTestServer,
} from '../../support/testAccounts.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface Call {
  cookie?: string;
  body?: unknown;
  /** Values of the path's `{name}` parameters; a fresh id for any not given. */
  params?: Readonly<Record<string, string>>;
  query?: string;
}

/** Every `METHOD /api/path` the server routes, parameters as OpenAPI writes them (HEAD, added to each GET, aside). */
function servedRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const paths: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    // The tree prints each level 4 characters further in, and a child's path after its parent's.
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (match === null) continue;
    const [, indent = '', segment = '', methods] = match;
    const depth = indent.length / 4;
    const path = (depth === 0 ? '' : (paths[depth - 1] ?? '')) + segment;
    paths[depth] = path;
    const openApiPath = path.replace(/:(\w+)/g, '{$1}');
    for (const method of methods?.split(', ') ?? []) if (method !== 'HEAD') routes.push(`${method} ${openApiPath}`);
  }
  return routes.filter((route) => route.includes(' /api')).sort();
}

describe('the OpenAPI description of accounts and administration', () => {
  let server: AccountTestServer;
  let document: JsonObject;
  let validator: DocumentValidator;
  const cookies = { admin: '', mentor: '', coordinator: '', team: '' };
  beforeEach(async () => {
    server = await startAccountServer();
    document = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<JsonObject>();
    validator = validatorFor(document);
    for (const name of Object.keys(cookies) as (keyof typeof cookies)[]) {
      cookies[name] = await openTestSession(server.db, DEMO_USER_IDS[name], newId(), server.clock.now);
    }
  });
  afterEach(async () => {
    await server.cleanup();
  });

  const operations = () =>
    Object.entries(document.paths as JsonObject).flatMap(([path, item]) =>
      Object.entries(item as JsonObject).map(([method, operation]) => ({
        path,
        method: method.toUpperCase() as Method,
        operation: operation as JsonObject,
      })),
    );

  /** The documented response for the status, following a `$ref` to `components.responses`. */
  function documentedResponse(path: string, method: Method, status: number): JsonObject {
    const escaped = path.replaceAll('~', '~0').replaceAll('/', '~1');
    const response = resolvePointer(document, `#/paths/${escaped}/${method.toLowerCase()}/responses/${status}`);
    expect(isObject(response), `${method} ${path} documents ${status}`).toBe(true);
    const ref = (response as JsonObject).$ref;
    return (typeof ref === 'string' ? resolvePointer(document, ref) : response) as JsonObject;
  }

  /** Sends a request to a documented route and checks the reply against what is documented for its status. */
  async function call(method: Method, path: string, options: Call = {}): Promise<LightMyRequestResponse> {
    const { cookie, body, params = {}, query = '' } = options;
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? newId()) + query;
    const headers: Record<string, string> = cookie === undefined ? {} : { cookie };
    // A content type without a body would be refused as an empty JSON body.
    if (body !== undefined) headers['content-type'] = 'application/json';
    const payload = body === undefined ? {} : { payload: JSON.stringify(body) };
    const response = await server.app.inject({ method, url, headers, ...payload });
    const { statusCode } = response;
    const documented = documentedResponse(path, method, statusCode);
    if (statusCode === 204) {
      expect(response.body).toBe('');
      expect(documented.content, `${method} ${path} 204 has no body`).toBeUndefined();
    } else {
      expectValid(validator.response(path, method.toLowerCase(), statusCode), response.json());
    }
    for (const [name, header] of Object.entries((documented.headers ?? {}) as JsonObject)) {
      if ((header as JsonObject).required === true) expect(response.headers[name.toLowerCase()], name).toBeDefined();
    }
    // What the server took must be a body the description allows.
    if (statusCode < 300 && body !== undefined) expectValid(validator.request(path, method.toLowerCase()), body);
    return response;
  }

  const statusOf = async (method: Method, path: string, options?: Call) =>
    (await call(method, path, options)).statusCode;
  const asAdmin = (options: Call = {}): Call => ({ cookie: cookies.admin, ...options });

  it('lists exactly the routes the server serves', async () => {
    await server.app.ready();
    const documented = operations().map(({ method, path }) => `${method} ${path}`);
    expect(documented.sort()).toEqual(servedRoutes(server.app));
  });

  it('every route needing a session answers 401 without one and 403 device_revoked from a revoked device', async () => {
    const clientId = newId();
    const revoked = await openTestSession(server.db, DEMO_USER_IDS.admin, clientId, server.clock.now);
    await server.db
      .updateTable('device')
      .set({ revoked_at: server.clock.now })
      .where('client_id', '=', clientId)
      .execute();
    const needsSession = (security: unknown) =>
      Array.isArray(security) && security.length > 0 && security.every((needs) => Object.keys(needs as object).length);
    const secured = operations().filter(({ operation }) => needsSession(operation.security));
    expect(secured.length).toBeGreaterThan(10);
    for (const { path, method } of secured) {
      expect((await call(method, path)).json(), `${method} ${path}`).toEqual({ error: { code: 'unauthenticated' } });
      const fromRevoked = await call(method, path, { cookie: revoked });
      expect(fromRevoked.json(), `${method} ${path}`).toEqual({ error: { code: 'device_revoked' } });
    }
  });

  it('every route restricted to roles refuses others with 403 forbidden, and serves each role it names', async () => {
    const restricted = operations().filter(({ operation }) => Array.isArray(operation['x-ura-roles']));
    expect(restricted.map(({ operation }) => operation['x-ura-roles'])).toContainEqual(['admin', 'coordinator']);
    const holding: Readonly<Record<string, string>> = { admin: cookies.admin, coordinator: cookies.coordinator };
    for (const { path, method, operation } of restricted) {
      const refused = await call(method, path, { cookie: cookies.mentor });
      expect(refused.json(), `${method} ${path}`).toEqual({ error: { code: 'forbidden' } });
      for (const role of operation['x-ura-roles'] as string[]) {
        const cookie = holding[role];
        expect(cookie, `a demo account holding ${role}`).toBeDefined();
        // Random ids and no body: a 400 or 404, as documented, but never a refusal of the person.
        const status = await statusOf(method, path, { cookie: cookie ?? '' });
        expect([401, 403], `${role}: ${method} ${path}`).not.toContain(status);
      }
    }
  });

  it('describes sign-in (200 with the cookie, 400, 401, 429), the session (200, 401) and sign-out (204)', async () => {
    const signIn = (login: string, password: string) =>
      call('POST', '/api/session', { body: { login, password, clientId: newId() } });
    const signedIn = await signIn(' Mentor', DEMO_PASSWORD);
    expect(signedIn.statusCode).toBe(200);
    const cookie = `ura_session=${tokenFromSetCookie(signedIn.headers['set-cookie']) ?? ''}`;
    expect(await statusOf('GET', '/api/session', { cookie })).toBe(200);
    expect(await statusOf('DELETE', '/api/session', { cookie })).toBe(204);
    expect(await statusOf('GET', '/api/session', { cookie })).toBe(401);
    expect(await statusOf('DELETE', '/api/session')).toBe(204);

    const malformed = { login: 'mentor', password: DEMO_PASSWORD };
    expect(validator.request('/api/session', 'post')(malformed)).toBe(false);
    expect(await statusOf('POST', '/api/session', { body: malformed })).toBe(400);
    const wrong = [];
    for (let attempt = 0; attempt < 5; attempt += 1) wrong.push((await signIn('teacher', 'wrong')).statusCode);
    expect(wrong).toEqual([401, 401, 401, 401, 429]);
  });

  it('describes making organisations and users, invitation codes and accepting them (201, 204, 400, 401, 409)', async () => {
    expect(await statusOf('POST', '/api/organisations', asAdmin({ body: { kind: 'cso', name: 'Fëmijët' } }))).toBe(201);
    expect(await statusOf('POST', '/api/organisations', asAdmin({ body: { kind: 'school', name: 'S' } }))).toBe(400);
    expect(await statusOf('GET', '/api/organisations', asAdmin())).toBe(200);

    // Lower-case: the documented pattern is the stored form (the server also trims and lower-cases).
    const person = { login: 'drita.b', displayName: 'Drita Berisha', organisationId: null, locale: 'sq' };
    const created = await call('POST', '/api/users', asAdmin({ body: person }));
    expect(created.statusCode).toBe(201);
    const { user, invitation } = created.json<{ user: { id: string }; invitation: { code: string } }>();
    expect(await statusOf('POST', '/api/users', asAdmin({ body: person }))).toBe(409);
    expect(validator.request('/api/users', 'post')({ ...person, locale: 'de' })).toBe(false);
    expect(await statusOf('POST', '/api/users', asAdmin({ body: { ...person, locale: 'de' } }))).toBe(400);
    const again = await call('POST', '/api/users/{userId}/invitations', asAdmin({ params: { userId: user.id } }));
    expect(again.statusCode).toBe(201);
    expect(await statusOf('POST', '/api/users/{userId}/invitations', asAdmin())).toBe(404);

    const accept = { code: invitation.code, password: 'a long password' };
    expect(await statusOf('POST', '/api/invitations/accept', { body: accept })).toBe(204);
    expect(await statusOf('POST', '/api/invitations/accept', { body: accept })).toBe(401);
    const short = { code: again.json<{ invitation: { code: string } }>().invitation.code, password: 'short' };
    expect(validator.request('/api/invitations/accept', 'post')(short)).toBe(false);
    expect(await statusOf('POST', '/api/invitations/accept', { body: short })).toBe(400);
    expect(await statusOf('GET', '/api/users', asAdmin())).toBe(200);
  });

  it('describes granting and taking roles (201, 204, 404, 409) and devices (200, 204, 404)', async () => {
    const { userId } = await createTestAccount(server.db, { roles: [], now: server.clock.now });
    const path = '/api/users/{userId}/roles';
    const grant = { role: 'coordinator', municipalityId: DEMO_MUNICIPALITY_IDS.prizren };
    const granted = await call('POST', path, asAdmin({ params: { userId }, body: grant }));
    expect(granted.statusCode).toBe(201);
    expect(await statusOf('POST', path, asAdmin({ params: { userId }, body: grant }))).toBe(409);
    expect(await statusOf('POST', path, asAdmin({ body: grant }))).toBe(404);
    const roleAssignmentId = granted.json<{ roleAssignment: { id: string } }>().roleAssignment.id;
    const one = `${path}/{roleAssignmentId}`;
    expect(await statusOf('DELETE', one, asAdmin({ params: { userId, roleAssignmentId } }))).toBe(204);
    expect(await statusOf('DELETE', one, asAdmin({ params: { userId, roleAssignmentId } }))).toBe(404);
    const { users } = (await call('GET', '/api/users', asAdmin())).json<{
      users: { id: string; roles: { id: string }[] }[];
    }>();
    // The demo administrator holds the only admin grant.
    const lastAdmin = users.find((user) => user.id === DEMO_USER_IDS.admin)?.roles[0]?.id ?? '';
    const params = { userId: DEMO_USER_IDS.admin, roleAssignmentId: lastAdmin };
    expect(await statusOf('DELETE', one, asAdmin({ params }))).toBe(409);

    const mentor = { userId: DEMO_USER_IDS.mentor };
    const devices = await call('GET', '/api/users/{userId}/devices', asAdmin({ params: mentor }));
    const clientId = devices.json<{ devices: { clientId: string }[] }>().devices[0]?.clientId ?? '';
    expect(await statusOf('POST', '/api/devices/{clientId}/revoke', asAdmin({ params: { clientId } }))).toBe(204);
    expect(await statusOf('POST', '/api/devices/{clientId}/revoke', asAdmin())).toBe(404);
    expect(await statusOf('GET', '/api/users/{userId}/devices', asAdmin())).toBe(404);
  });

  it('describes giving a case to a person and taking it back (204, 403, 404)', async () => {
    const stored = await server.db
      .selectFrom('entity_field')
      .select('entity_id')
      .where('entity', '=', 'case')
      .executeTakeFirstOrThrow();
    const path = '/api/cases/{caseId}/assignees/{userId}';
    const params = { caseId: stored.entity_id, userId: DEMO_USER_IDS.mentor };
    expect(await statusOf('PUT', path, { cookie: cookies.team, params })).toBe(204);
    expect(await statusOf('DELETE', path, { cookie: cookies.team, params })).toBe(204);
    expect(await statusOf('PUT', path, { cookie: cookies.mentor, params })).toBe(403);
    expect(await statusOf('PUT', path, { cookie: cookies.team, params: { caseId: params.caseId } })).toBe(404);
  });

  it('describes the audit trail (200 to an administrator and a coordinator, 400)', async () => {
    const page = await call('GET', '/api/audit', asAdmin({ query: '?limit=5' }));
    const { events } = page.json<{ events: { id: number }[] }>();
    expect(events).toHaveLength(5);
    const before = `?before=${events.at(-1)?.id ?? 0}`;
    expect(await statusOf('GET', '/api/audit', { cookie: cookies.coordinator, query: before })).toBe(200);
    expect(await statusOf('GET', '/api/audit', asAdmin({ query: '?limit=0' }))).toBe(400);
    expect(await statusOf('GET', '/api/audit', asAdmin({ query: '?page=2' }))).toBe(400);
  });
});
