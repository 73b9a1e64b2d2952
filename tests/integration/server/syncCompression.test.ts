/**
 * Compressed sync bodies (docs/sync.md, "Compressed bodies"): gzip and deflate request
 * bodies are decoded and held to 1 MiB decoded; replies of 1 KB or more go
 * compressed to a client that accepts it. A real server on a real database
 * (SQLite here, PostgreSQL in `server-postgres`), reached through inject.
 */
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, type SyncResponse } from '../../../src/sync/protocol.ts';
import {
  makeSyncRequest,
  OTHER_CLIENT_ID,
  postSync,
  sessionHeaders,
  readStoredFields,
  startTestServer,
  sync,
  type TestServer,
} from '../../support/serverFixtures.ts';
import {
  COMPRESSORS,
  corruptGzip,
  gzipBomb,
  paddedGzipRequest,
  postEncoded,
  studentsRequest,
  type RequestCoding,
} from '../../support/syncCompressionFixtures.ts';
import { expectRefusal, takeSnapshot } from '../../support/syncFuzzChecks.ts';

describe('compressed sync bodies', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.cleanup();
  });

  async function expectRefusedUnchanged(payload: Buffer | string, coding: string, status: number): Promise<void> {
    const before = await takeSnapshot(server.db);
    const response = await postEncoded(server.app, payload, coding);
    expect(expectRefusal(response, status)).toBe(
      { 400: 'bad_request', 413: 'payload_too_large', 415: 'unsupported_media_type' }[status],
    );
    expect(await takeSnapshot(server.db)).toEqual(before);
  }

  /** Pulls everything as the second device, asking for `acceptEncoding` (none: a plain reply). */
  async function pull(acceptEncoding?: string) {
    const payload = makeSyncRequest({ clientId: OTHER_CLIENT_ID });
    return server.app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: {
        'content-type': 'application/json',
        ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
        ...(await sessionHeaders(server.app, payload)),
      },
      payload,
    });
  }

  describe('request bodies', () => {
    it.each<RequestCoding>(['gzip', 'deflate'])('applies a %s request body', async (coding) => {
      const request = studentsRequest(5);
      const response = await postEncoded(server.app, COMPRESSORS[coding](JSON.stringify(request)), coding);

      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<SyncResponse>().results.map((result) => result.status)).toEqual(Array(5).fill('applied'));
      for (const mutation of request.mutations) {
        expect(await readStoredFields(server.db, 'student', mutation.entityId)).toEqual(mutation.fields);
      }
    });

    it.each(['GZIP', ' x-gzip '])('reads the coding name %j as gzip', async (coding) => {
      const response = await postEncoded(server.app, gzipSync(JSON.stringify(studentsRequest(1))), coding);
      expect(response.statusCode, response.body).toBe(200);
    });

    it('reads a body that decodes to exactly 1 MiB', async () => {
      const response = await postEncoded(server.app, paddedGzipRequest(studentsRequest(1), MAX_BODY_BYTES), 'gzip');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<SyncResponse>().results[0]?.status).toBe('applied');
    });

    it('refuses a body that decodes to one byte over 1 MiB with 413, changing nothing', async () => {
      await expectRefusedUnchanged(paddedGzipRequest(studentsRequest(1), MAX_BODY_BYTES + 1), 'gzip', 413);
    });

    it('refuses a gzip bomb (about 1 MB that would decode to 1 GiB) with 413, changing nothing', async () => {
      const bomb = gzipBomb();
      expect(bomb.body.length).toBeLessThan(MAX_BODY_BYTES);
      expect(bomb.members).toBeGreaterThan(900);
      expect(gunzipSync(bomb.body.subarray(0, 3 * bomb.memberBytes)).length).toBe(3 * MAX_BODY_BYTES);
      await expectRefusedUnchanged(bomb.body, 'gzip', 413);
    });

    it('refuses a corrupt or truncated stream with 400, changing nothing', async () => {
      const request = studentsRequest(3);
      const text = JSON.stringify(request);
      const broken = fc.oneof(
        fc.nat().map((at) => ({ payload: corruptGzip(request, at), coding: 'gzip' })),
        fc.constantFrom<RequestCoding>('gzip', 'deflate').chain((coding) => {
          const whole = COMPRESSORS[coding](text);
          return fc.nat({ max: whole.length - 2 }).map((cut) => ({ payload: whole.subarray(0, cut + 1), coding }));
        }),
        fc
          .uint8Array({ minLength: 1, maxLength: 300 })
          .map((bytes) => ({ payload: Buffer.from(bytes), coding: 'gzip' })),
        fc.constant({ payload: text, coding: 'deflate' }),
      );
      await fc.assert(
        fc.asyncProperty(broken, ({ payload, coding }) => expectRefusedUnchanged(payload, coding, 400)),
        { numRuns: 80 },
      );
    });

    it.each(['br', 'zstd', 'compress', 'gzip, gzip', 'gzip;q=1', 'chunked'])(
      'refuses Content-Encoding %j with 415, changing nothing',
      async (coding) => {
        await expectRefusedUnchanged(gzipSync(JSON.stringify(studentsRequest(1))), coding, 415);
      },
    );
  });

  describe('replies', () => {
    beforeEach(async () => {
      await sync(server.app, studentsRequest(20));
    });

    it.each([
      ['gzip', 'gzip, deflate', gunzipSync],
      ['br', 'gzip, deflate, br, zstd', brotliDecompressSync],
    ] as const)('sends a pull reply as %s that decodes to the plain reply', async (coding, accept, decode) => {
      const plain = await pull();
      const compressed = await pull(accept);

      expect(plain.body.length).toBeGreaterThan(4096);
      expect(compressed.headers['content-encoding']).toBe(coding);
      expect(JSON.parse(decode(compressed.rawPayload).toString('utf8'))).toEqual(plain.json());
      expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(Number(compressed.headers['content-length'])).toBe(compressed.rawPayload.length);
    });

    it('keeps the security headers and no-store on a compressed reply, and says it varies', async () => {
      const plain = await pull();
      const compressed = await pull('gzip');
      for (const header of [
        'content-security-policy',
        'x-content-type-options',
        'referrer-policy',
        'x-frame-options',
      ]) {
        expect(compressed.headers[header], header).toBe(plain.headers[header]);
        expect(compressed.headers[header], header).toBeDefined();
      }
      expect(compressed.headers['cache-control']).toBe('no-store');
      expect(compressed.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(compressed.headers.vary).toBe('Accept-Encoding');
    });

    it('picks the coding with the highest q-value, brotli on a tie, and none the client refuses', async () => {
      const codingFor = async (accept: string) => (await pull(accept)).headers['content-encoding'];
      expect(await codingFor('gzip;q=1, br;q=0.5')).toBe('gzip');
      expect(await codingFor('gzip, br')).toBe('br');
      expect(await codingFor('*')).toBe('br');
      expect(await codingFor('*, br;q=0')).toBe('gzip');
      expect(await codingFor('x-gzip')).toBe('gzip');
      expect(await codingFor('deflate, identity')).toBeUndefined();
      expect(await codingFor('gzip;q=0, br;q=0')).toBeUndefined();
    });

    it('leaves a reply under 1 KB plain', async () => {
      const small = await postSync(server.app, makeSyncRequest({ cursor: Number.MAX_SAFE_INTEGER }));
      const smallAsked = await server.app.inject({
        method: 'POST',
        url: '/api/sync',
        headers: {
          'content-type': 'application/json',
          'accept-encoding': 'gzip, br',
          ...(await sessionHeaders(server.app)),
        },
        payload: makeSyncRequest({ cursor: Number.MAX_SAFE_INTEGER }),
      });
      expect(small.rawPayload.length).toBeLessThan(1024);
      expect(smallAsked.statusCode).toBe(200);
      expect(smallAsked.headers['content-encoding']).toBeUndefined();
      expect(smallAsked.json()).toEqual(small.json());
      const health = await server.app.inject({ url: '/api/health', headers: { 'accept-encoding': 'gzip' } });
      expect(health.headers['content-encoding']).toBeUndefined();
    });
  });
});
