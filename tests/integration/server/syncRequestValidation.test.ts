import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_MUTATIONS_PER_REQUEST, type ErrorResponse } from '../../../src/sync/protocol.ts';
import {
  countRows,
  makeMutation,
  makeSyncRequest,
  postSync,
  sessionHeaders,
  startTestServer,
  type RowCounts,
  type TestServer,
} from '../../support/serverFixtures.ts';

/** A valid mutation in every bad request: if the server applied anything, the row counts would move. */
function requestWith(change: (request: Record<string, unknown>) => void): Record<string, unknown> {
  const request: Record<string, unknown> = { ...makeSyncRequest({ mutations: [makeMutation()] }) };
  change(request);
  return request;
}

function mutationWith(change: (mutation: Record<string, unknown>) => void): Record<string, unknown> {
  const mutation: Record<string, unknown> = { ...makeMutation() };
  change(mutation);
  return { ...makeSyncRequest(), mutations: [makeMutation(), mutation] };
}

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

const SECRET = 'Zgjim Hasani +383 44 555 666';

describe('POST /api/sync (malformed requests)', () => {
  let server: TestServer;
  let countsBefore: RowCounts;
  beforeEach(async () => {
    server = await startTestServer();
    countsBefore = await countRows(server.db);
  });
  afterEach(async () => {
    expect(await countRows(server.db)).toEqual(countsBefore);
    await server.cleanup();
  });

  const badRequests: [string, () => string][] = [
    ['malformed JSON', () => `{"protocolVersion":1, "clientId": "${SECRET}"`],
    ['an empty JSON body', () => ''],
    ['a JSON array', () => '[]'],
    ['JSON null', () => 'null'],
    ['a wrong type', () => JSON.stringify(requestWith((request) => (request.cursor = 'zero')))],
    ['a negative cursor', () => JSON.stringify(requestWith((request) => (request.cursor = -1)))],
    ['a limit over the maximum', () => JSON.stringify(requestWith((request) => (request.limit = 100_000)))],
    [
      'own writes asked for as a string',
      () => JSON.stringify(requestWith((request) => (request.includeOwnWrites = 'yes'))),
    ],
    ['an extra property', () => JSON.stringify(requestWith((request) => (request.admin = true)))],
    ['an extra mutation property', () => JSON.stringify(mutationWith((mutation) => (mutation.sql = 'drop')))],
    ['an unknown entity', () => JSON.stringify(mutationWith((mutation) => (mutation.entity = 'school')))],
    ['an unknown field', () => JSON.stringify(mutationWith((mutation) => (mutation.fields = { salary: 1 })))],
    ['a bad HLC', () => JSON.stringify(mutationWith((mutation) => (mutation.hlc = 'yesterday')))],
    ['a bad id', () => JSON.stringify(mutationWith((mutation) => (mutation.id = 'ABC')))],
    [
      'a huge string',
      () => JSON.stringify(mutationWith((mutation) => (mutation.fields = { givenName: SECRET.repeat(20_000) }))),
    ],
    ['deep nesting', () => `{"protocolVersion":1,"mutations":${nested(200_000)}}`],
    [
      'deep nesting inside a field',
      () =>
        JSON.stringify(mutationWith((mutation) => (mutation.fields = { givenName: 'DEEP' }))).replace(
          '"DEEP"',
          nested(100_000),
        ),
    ],
    [
      'too many mutations',
      () =>
        JSON.stringify(
          makeSyncRequest({ mutations: Array.from({ length: MAX_MUTATIONS_PER_REQUEST + 1 }, () => makeMutation()) }),
        ),
    ],
    ['a __proto__ key', () => JSON.stringify(makeSyncRequest()).replace('{', '{"__proto__":{"x":1},')],
  ];

  it.each(badRequests)('answers 400 bad_request to %s without echoing it', async (_name, body) => {
    const response = await postSync(server.app, body());
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorResponse>().error.code).toBe('bad_request');
    expect(response.body).not.toContain('Zgjim');
    expect(response.body).not.toContain('+383');
  });

  it('names the path and kind of each fault', async () => {
    const response = await postSync(
      server.app,
      requestWith((request) => (request.cursor = 'zero')),
    );
    expect(response.json<ErrorResponse>().error.issues).toEqual([{ path: 'cursor', code: 'invalid_type' }]);
  });

  it('answers 413 payload_too_large to a body over the limit', async () => {
    const body = JSON.stringify(requestWith((request) => (request.padding = 'x'.repeat(MAX_BODY_BYTES))));
    const response = await postSync(server.app, body);
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorResponse>()).toEqual({ error: { code: 'payload_too_large' } });
  });

  it('answers 415 unsupported_media_type to text/plain', async () => {
    const response = await postSync(server.app, makeSyncRequest({ mutations: [makeMutation()] }), 'text/plain');
    expect(response.statusCode).toBe(415);
    expect(response.json<ErrorResponse>()).toEqual({ error: { code: 'unsupported_media_type' } });
  });

  it('answers 415 to a form post and to a request without a content type', async () => {
    const form = await postSync(server.app, 'cursor=0', 'application/x-www-form-urlencoded');
    const bare = await server.app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: await sessionHeaders(server.app),
    });
    expect([form.statusCode, bare.statusCode]).toEqual([415, 415]);
    expect(bare.json<ErrorResponse>().error.code).toBe('unsupported_media_type');
  });

  it.each([999, 0])('answers 426 unsupported_protocol to protocol version %i', async (protocolVersion) => {
    // Anything else about the request may be outdated too: the version decides first.
    const body = { ...requestWith((request) => (request.oldField = true)), protocolVersion };
    const response = await postSync(server.app, body);
    expect(response.statusCode).toBe(426);
    expect(response.json<ErrorResponse>()).toEqual({ error: { code: 'unsupported_protocol' } });
  });

  it('accepts application/json with a charset', async () => {
    const response = await postSync(server.app, makeSyncRequest(), 'application/json; charset=utf-8');
    expect(response.statusCode).toBe(200);
  });
});
