import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ERROR_CODES,
  MAX_BODY_BYTES,
  MAX_MUTATIONS_PER_REQUEST,
  OLDEST_SUPPORTED_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  REJECTION_CODES,
  SCHEMA_VERSION,
  type Mutation,
} from '../../../src/sync/protocol.ts';
import packageJson from '../../../package.json';
import {
  makeCaseEvent,
  makeCaseRecord,
  makePlanAction,
  makeReferral,
  makeScreening,
  makeVisit,
  wireFields,
} from '../../support/caseworkFixtures.ts';
import {
  allRefs,
  DOCUMENT_FILE,
  expectValid,
  fixedErrorCode,
  formatDocument,
  isObject,
  resolvePointer,
  validatorFor,
  type DocumentValidator,
  type JsonObject,
} from '../../support/openApiChecks.ts';
import {
  makeHlc,
  makeMutation,
  makeSyncRequest,
  newId,
  OTHER_CLIENT_ID,
  postSync,
  sessionHeaders,
  startTestServer,
  TEST_SCHOOL_ID,
  type TestServer,
} from '../../support/serverFixtures.ts';

const SYNC = '/api/sync';

/** A real batch from one device: a record of every type a device writes. */
function caseworkBatch(): Mutation[] {
  const student = makeMutation();
  const record = makeCaseRecord(student.entityId, TEST_SCHOOL_ID);
  const create = (entity: Mutation['entity'], value: { id: string }, counter: number): Mutation =>
    makeMutation({ entity, entityId: value.id, hlc: makeHlc(0, counter), fields: wireFields(value) });
  return [
    student,
    create('case', record, 1),
    create('homeVisit', makeVisit(record.id), 2),
    create('screening', makeScreening(student.entityId), 3),
    create('planAction', makePlanAction(record.id), 4),
    create('caseEvent', { id: newId(), ...makeCaseEvent(record.id) }, 5),
    create('referral', makeReferral(record.id), 6),
  ];
}

describe('GET /api/openapi.json', () => {
  let server: TestServer;
  let document: JsonObject;
  let validator: DocumentValidator;
  beforeEach(async () => {
    server = await startTestServer();
    const response = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    document = response.json<JsonObject>();
    validator = validatorFor(document);
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('is the description committed in docs/openapi.json', async () => {
    const served = await formatDocument(document);
    // `npm run openapi` sets this to rewrite the file from the running server.
    if (process.env.URA_WRITE_OPENAPI === '1') await writeFile(DOCUMENT_FILE, served);
    const committed = await readFile(DOCUMENT_FILE, 'utf8').catch(() => '');
    expect(committed === served, 'docs/openapi.json is out of date: run `npm run openapi` and commit it').toBe(true);
  });

  it('is an OpenAPI 3.1 document naming the app, protocol and schema versions', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({
      title: expect.any(String),
      version: packageJson.version,
      'x-ura-protocol-version': PROTOCOL_VERSION,
      'x-ura-oldest-supported-protocol-version': OLDEST_SUPPORTED_PROTOCOL_VERSION,
      'x-ura-schema-version': SCHEMA_VERSION,
    });
    expect(resolvePointer(document, '#/components/securitySchemes/session')).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'ura_session',
    });
    expect(resolvePointer(document, '#/paths/~1api~1sync/post/security')).toEqual([{ session: [] }]);
    // openApiAccounts.test.ts checks the whole list against the routes the server serves.
    expect(Object.keys(document.paths as JsonObject)).toEqual(
      expect.arrayContaining(['/api/health', '/api/openapi.json', SYNC, '/api/session']),
    );
    for (const [path, item] of Object.entries(document.paths as JsonObject)) {
      for (const [method, operation] of Object.entries(item as JsonObject)) {
        expect(['get', 'post', 'put', 'delete'], `${path}`).toContain(method);
        const responses = (operation as JsonObject).responses;
        expect(isObject(responses) && Object.keys(responses).length > 0, `${method} ${path}`).toBe(true);
        for (const response of Object.values(responses as JsonObject).map((value) => value as JsonObject)) {
          expect(typeof (response.$ref ?? response.description), `${method} ${path}`).toBe('string');
        }
      }
    }
  });

  it('resolves every $ref, and every schema is valid JSON Schema 2020-12', () => {
    const refs = allRefs(document);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(isObject(resolvePointer(document, ref)), `${ref} resolves`).toBe(true);
    const schemas = resolvePointer(document, '#/components/schemas') as JsonObject;
    for (const [name, schema] of Object.entries(schemas)) expect(validator.isValidSchema(schema), name).toBe(true);
  });

  it('documents every error code with its status, and every rejection code', () => {
    const syncResponses = resolvePointer(document, '#/paths/~1api~1sync/post/responses') as JsonObject;
    expect(Object.keys(syncResponses).sort()).toEqual(['200', '400', '401', '403', '413', '415', '426', '500']);
    const responses = resolvePointer(document, '#/components/responses') as JsonObject;
    const documentedCodes = Object.values(responses).map((response) => fixedErrorCode(document, response));
    expect(documentedCodes.sort()).toEqual([...ERROR_CODES].sort());
    expect(resolvePointer(document, '#/components/schemas/RejectionCode/enum')).toEqual([...REJECTION_CODES]);
  });

  it('accepts a real sync request that the server applies, and its reply matches the 200 schema', async () => {
    const request = makeSyncRequest({ mutations: [...caseworkBatch(), makeMutation({ op: 'set', fields: {} })] });
    const validateRequest = validator.request(SYNC, 'post');
    expectValid(validateRequest, request);

    const response = await postSync(server.app, request);
    expect(response.statusCode).toBe(200);
    const reply = response.json<{ results: { status: string; code?: string }[] }>();
    const statuses = reply.results.map((result) => result.code ?? result.status);
    expect(statuses).toEqual([...request.mutations.slice(0, -1).map(() => 'applied'), 'not_found']);
    const validateReply = validator.response(SYNC, 'post', 200);
    expectValid(validateReply, reply);

    const pulled = await postSync(server.app, makeSyncRequest({ clientId: OTHER_CLIENT_ID, limit: 3 }));
    expect(pulled.json()).toMatchObject({ hasMore: true, changes: expect.arrayContaining([expect.anything()]) });
    expectValid(validateReply, pulled.json());
  });

  const withMutation = (change: JsonObject) => makeSyncRequest({ mutations: [{ ...makeMutation(), ...change }] });
  it.each([
    ['an unknown top-level key', { ...makeSyncRequest(), extra: true }],
    ['a missing cursor', { ...makeSyncRequest(), cursor: undefined }],
    ['a negative cursor', makeSyncRequest({ cursor: -1 })],
    ['a limit of 0', makeSyncRequest({ limit: 0 })],
    ['an upper-case client id', makeSyncRequest({ clientId: 'AAAAAAAA-0000-4000-8000-000000000001' })],
    ['an entity a device may not write', withMutation({ entity: 'school' })],
    ['an unknown op', withMutation({ op: 'delete' })],
    ['a field of the wrong type', withMutation({ fields: { grade: 'seven' } })],
    ['an unknown record field', withMutation({ fields: { nickname: 'Di' } })],
    [
      'too many mutations',
      makeSyncRequest({ mutations: Array.from({ length: MAX_MUTATIONS_PER_REQUEST + 1 }, () => makeMutation()) }),
    ],
  ])('refuses %s, as the server does (400, as documented)', async (_name, body) => {
    const wire: unknown = JSON.parse(JSON.stringify(body));
    expect(validator.request(SYNC, 'post')(wire)).toBe(false);
    const response = await postSync(server.app, wire);
    expect(response.statusCode).toBe(400);
    const validateReply = validator.response(SYNC, 'post', 400);
    expectValid(validateReply, response.json());
  });

  it.each([
    ['text that is not JSON', () => postSync(server.app, '{"cursor":'), 400],
    ['a body over the limit', () => postSync(server.app, 'x'.repeat(MAX_BODY_BYTES + 1)), 413],
    ['another content type', () => postSync(server.app, makeSyncRequest(), 'text/plain'), 415],
    ['a newer protocol', () => postSync(server.app, makeSyncRequest({ protocolVersion: PROTOCOL_VERSION + 1 })), 426],
    ['a newer schema', () => postSync(server.app, makeSyncRequest({ schemaVersion: SCHEMA_VERSION + 1 })), 426],
    ['no session', () => server.app.inject({ method: 'POST', url: SYNC, payload: makeSyncRequest() }), 401],
    [
      "another device's client id",
      async () => {
        const request = makeSyncRequest();
        return server.app.inject({
          method: 'POST',
          url: SYNC,
          payload: request,
          headers: await sessionHeaders(server.app, { clientId: OTHER_CLIENT_ID }),
        });
      },
      403,
    ],
    [
      'a revoked device',
      async () => {
        await server.db.updateTable('device').set({ revoked_at: 1 }).execute();
        return postSync(server.app, makeSyncRequest());
      },
      403,
    ],
    [
      'a database failure',
      async () => {
        await server.db.schema.dropTable('change_log').execute();
        return postSync(server.app, makeSyncRequest());
      },
      500,
    ],
  ] as const)('describes the reply to %s', async (_name, send, status) => {
    const response = await send();
    expect(response.statusCode).toBe(status);
    const validateReply = validator.response(SYNC, 'post', status);
    expectValid(validateReply, response.json());
  });

  it('describes the health reply', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/health' });
    const validateReply = validator.response('/api/health', 'get', 200);
    expectValid(validateReply, response.json());
    expect(validator.response('/api/openapi.json', 'get', 200)(document)).toBe(true);
  });
});
