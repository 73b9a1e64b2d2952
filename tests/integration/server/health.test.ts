import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ErrorResponse, type HealthResponse } from '../../../src/sync/protocol.ts';
import { postSync, startTestServer, TEST_NOW, type TestServer } from '../../support/serverFixtures.ts';

describe('createServer', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('answers GET /api/health with the protocol version and server time', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json<HealthResponse>()).toEqual({
      status: 'ok',
      protocolVersion: PROTOCOL_VERSION,
      serverTime: TEST_NOW,
    });
  });

  it.each([
    ['GET', '/api/nothing-here'],
    ['POST', '/api/students'],
    ['GET', '/api/sync'],
    ['GET', '/api'],
  ] as const)('answers %s %s with a JSON 404', async (method, url) => {
    const response = await server.app.inject({ method, url });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json<ErrorResponse>()).toEqual({ error: { code: 'not_found' } });
  });

  it('answers a page URL with 404 when no client is being served', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/students' });
    expect(response.statusCode).toBe(404);
  });

  it.each([
    ['a health check', () => server.app.inject({ method: 'GET', url: '/api/health' })],
    ['an unknown API path', () => server.app.inject({ method: 'GET', url: '/api/unknown' })],
    ['a refused body', () => postSync(server.app, '{oops')],
    ['a sync', () => postSync(server.app, { nothing: true })],
  ])('sends the security headers on %s', async (_name, send) => {
    const response = await send();
    // A JSON reply is never a page: it may load nothing and be framed by nothing.
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('forbids caching API replies', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers 500 internal without details when the database fails', async () => {
    await server.db.schema.dropTable('change_log').execute();
    const response = await postSync(server.app, {
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: 1,
      clientId: '88888888-0000-4000-8000-000000000001',
      cursor: 0,
      mutations: [],
    });
    expect(response.statusCode).toBe(500);
    expect(response.json<ErrorResponse>()).toEqual({ error: { code: 'internal' } });
  });
});
