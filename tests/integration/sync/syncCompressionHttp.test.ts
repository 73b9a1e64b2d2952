/**
 * The app's postSync against the real server over loopback HTTP, with the
 * platform's fetch: large request bodies go gzipped, small ones plain, and
 * compressed replies arrive decoded. The server is real (Fastify on a SQLite
 * file, or PostgreSQL in `server-postgres`); hooks only watch what arrives.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { platformFetch, postSync, type FetchLike } from '../../../src/sync/postSync.ts';
import type { SyncResponse } from '../../../src/sync/protocol.ts';
import {
  makeSyncRequest,
  OTHER_CLIENT_ID,
  readStoredFields,
  sessionHeaders,
  startTestServer,
  sync,
  type TestServer,
} from '../../support/serverFixtures.ts';
import { gzipBomb, studentsRequest } from '../../support/syncCompressionFixtures.ts';

interface Seen {
  contentEncoding: string | undefined;
  contentLength: number;
  replyEncoding: string | undefined;
}

describe('postSync over loopback HTTP', () => {
  let server: TestServer;
  let baseUrl: string;
  let seen: Seen[];
  beforeEach(async () => {
    server = await startTestServer();
    // A browser would send the device's session cookie by itself; Node's fetch keeps no cookies,
    // so the server adds TEST_CLIENT_ID's to any request that comes without one.
    const { cookie } = await sessionHeaders(server.app);
    server.app.addHook('onRequest', (request, _reply, done) => {
      request.headers.cookie ??= cookie;
      done();
    });
    seen = [];
    server.app.addHook('onResponse', async (request, reply) => {
      seen.push({
        contentEncoding: request.headers['content-encoding'],
        contentLength: Number(request.headers['content-length']),
        replyEncoding: reply.getHeader('content-encoding') as string | undefined,
      });
    });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('sends a large request gzipped, and the server applies it', async () => {
    const request = studentsRequest(10);
    const plainBytes = Buffer.byteLength(JSON.stringify(request));

    const reply = await postSync(platformFetch, baseUrl, request);

    expect(reply.results.map((result) => result.status)).toEqual(Array(10).fill('applied'));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.contentEncoding).toBe('gzip');
    expect(seen[0]?.contentLength).toBeLessThan(plainBytes / 3);
    for (const mutation of request.mutations) {
      expect(await readStoredFields(server.db, 'student', mutation.entityId)).toEqual(mutation.fields);
    }
  });

  it('sends a small request plain', async () => {
    const request = makeSyncRequest();
    expect(Buffer.byteLength(JSON.stringify(request))).toBeLessThan(1024);

    await postSync(platformFetch, baseUrl, request);

    expect(seen).toEqual([
      {
        contentEncoding: undefined,
        contentLength: Buffer.byteLength(JSON.stringify(request)),
        replyEncoding: undefined,
      },
    ]);
  });

  it('sends plain when told not to compress', async () => {
    await postSync(platformFetch, baseUrl, studentsRequest(10), { compressRequest: false });
    expect(seen[0]?.contentEncoding).toBeUndefined();
  });

  it('hands a stand-in transport the JSON text unless it asks for compression', async () => {
    const bodies: unknown[] = [];
    const standIn: FetchLike = (url, init) => {
      bodies.push(init.body);
      return fetch(url, init);
    };
    const request = studentsRequest(10);
    await postSync(standIn, baseUrl, request);
    expect(bodies).toEqual([JSON.stringify(request)]);
  });

  it('receives a large reply gzipped and returns it decoded', async () => {
    await sync(server.app, studentsRequest(20));
    const expected = await sync(server.app, makeSyncRequest({ clientId: OTHER_CLIENT_ID }));
    seen = [];

    const other = makeSyncRequest({ clientId: OTHER_CLIENT_ID });
    const { cookie } = await sessionHeaders(server.app, other);
    const asOtherDevice: FetchLike = (url, init) =>
      platformFetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), cookie: cookie ?? '' } });
    const reply: SyncResponse = await postSync(asOtherDevice, baseUrl, other, { compressRequest: true });

    expect(seen[0]?.replyEncoding).toBe('gzip');
    expect(reply).toEqual(expected);
    expect(reply.changes.length).toBeGreaterThan(0);
  });

  it('sends the batch once more, plain, past a proxy that drops Content-Encoding', async () => {
    const strippingProxy: FetchLike = (url, init) => {
      const headers = new Headers(init.headers);
      headers.delete('content-encoding');
      return fetch(url, { ...init, headers });
    };
    const request = studentsRequest(10);

    const reply = await postSync(strippingProxy, baseUrl, request, { compressRequest: true });

    expect(reply.results.map((result) => result.status)).toEqual(Array(10).fill('applied'));
    expect(seen.map((request) => request.contentLength)).toEqual([
      expect.any(Number),
      Buffer.byteLength(JSON.stringify(request)),
    ]);
    expect(seen[0]?.contentLength).toBeLessThan(seen[1]?.contentLength ?? 0);
  });

  it('answers a gzip bomb over a socket with 413, and goes on serving', async () => {
    const bomb = gzipBomb().body;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = httpRequest(`${baseUrl}/api/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length },
      });
      outgoing.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      });
      // The server may answer and close before the whole upload is written.
      outgoing.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? undefined : reject(error)));
      outgoing.end(bomb);
    });

    expect(answer).toEqual({ status: 413, body: JSON.stringify({ error: { code: 'payload_too_large' } }) });
    const next = await postSync(platformFetch, baseUrl, studentsRequest(2));
    expect(next.results.map((result) => result.status)).toEqual(['applied', 'applied']);
  });
});
