import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/serverFixtures.ts';

const SHELL = '<!doctype html><title>Ura</title>';
const BIG_SCRIPT =
  'export const strings = ' + JSON.stringify(Array.from({ length: 400 }, (_, n) => `Nxënësi ${n}`)) + ';';

function writeClientBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ura-client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), SHELL);
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dir, 'registerSW.js'), '// register');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Ura"}');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1);');
  // As the build leaves a large file: with its brotli and gzip copies (scripts/precompressClient.mjs).
  writeFileSync(join(dir, 'assets', 'screen-def456.js'), BIG_SCRIPT);
  writeFileSync(join(dir, 'assets', 'screen-def456.js.br'), brotliCompressSync(BIG_SCRIPT));
  writeFileSync(join(dir, 'assets', 'screen-def456.js.gz'), gzipSync(BIG_SCRIPT));
  return dir;
}

describe('createServer with a static client', () => {
  let server: TestServer;
  let clientDir: string;
  beforeEach(async () => {
    clientDir = writeClientBuild();
    server = await startTestServer({ staticDir: clientDir });
  });
  afterEach(async () => {
    await server.cleanup();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it.each(['/', '/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest'])(
    'serves %s with Cache-Control no-cache',
    async (url) => {
      const response = await server.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
    },
  );

  it.each([
    ['br, gzip', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
  ] as const)(
    'sends the precompressed copy of a built file to a browser accepting %s',
    async (accept, coding, decode) => {
      const url = '/assets/screen-def456.js';
      const response = await server.app.inject({ method: 'GET', url, headers: { 'accept-encoding': accept } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(coding);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(decode(response.rawPayload).toString('utf8')).toBe(BIG_SCRIPT);
      expect(response.rawPayload.length).toBeLessThan(BIG_SCRIPT.length / 3);
    },
  );

  it('sends the file as built to a browser that accepts no compression', async () => {
    const url = '/assets/screen-def456.js';
    const response = await server.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe(BIG_SCRIPT);
  });

  it('serves hashed assets as immutable for a year', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log(1);');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a deep link with the app shell', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/students/30000000-0000-4000-8000-000000000001' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(SHELL);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers a missing asset with 404 rather than the shell', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/assets/gone-000.js' });
    expect(response.statusCode).toBe(404);
  });

  it('never answers an API path with the shell', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/students' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found' } });
  });

  it('still answers the API', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok' });
  });
});
