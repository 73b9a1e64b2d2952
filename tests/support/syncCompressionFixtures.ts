/** Compressed bodies for the sync compression tests: valid requests, bombs, corrupt streams. */
import { deflateSync, gzipSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { MAX_BODY_BYTES, type SyncRequest } from '../../src/sync/protocol.ts';
import { makeMutation, makeStudentFields, makeSyncRequest, sessionHeaders } from './serverFixtures.ts';

export const COMPRESSORS = { gzip: gzipSync, deflate: deflateSync } as const;
export type RequestCoding = keyof typeof COMPRESSORS;

/** A request creating `count` students (about 380 bytes of JSON each). */
export function studentsRequest(count: number, overrides: Partial<SyncRequest> = {}): SyncRequest {
  const mutations = Array.from({ length: count }, (_, index) =>
    makeMutation({
      fields: makeStudentFields({ givenName: `Drita ${index}`, guardianName: `Arta Gashi ${index}` }),
    }),
  );
  return makeSyncRequest({ mutations, ...overrides });
}

/** Sends `payload` as a compressed sync request (or with any `Content-Encoding` given), as TEST_CLIENT_ID. */
export async function postEncoded(
  app: FastifyInstance,
  payload: string | Buffer,
  contentEncoding: string,
  acceptEncoding?: string,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-encoding': contentEncoding,
    ...(await sessionHeaders(app)),
  };
  if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding;
  return app.inject({ method: 'POST', url: '/api/sync', headers, payload });
}

/**
 * A valid request padded with trailing JSON whitespace to `decodedBytes`,
 * gzipped: it decodes to exactly that many bytes, and compresses to a few KB.
 */
export function paddedGzipRequest(request: SyncRequest, decodedBytes: number): Buffer {
  const text = JSON.stringify(request);
  return gzipSync(Buffer.from(text + ' '.repeat(decodedBytes - Buffer.byteLength(text))));
}

/**
 * A gzip bomb: as many copies as fit under the body limit of one gzip member
 * of 1 MiB of spaces. A gzip stream may hold several members, decoded one
 * after another, so about 1 MB on the wire decodes to nearly 1 GiB.
 */
export function gzipBomb(): { body: Buffer; memberBytes: number; members: number } {
  const member = gzipSync(Buffer.alloc(MAX_BODY_BYTES, 0x20), { level: 9 });
  const members = Math.floor((MAX_BODY_BYTES - 1) / member.length);
  return { body: Buffer.concat(Array.from({ length: members }, () => member)), memberBytes: member.length, members };
}

/** A gzipped valid request with one byte of its deflate data flipped: the CRC (or the inflater) catches it. */
export function corruptGzip(request: SyncRequest, at: number): Buffer {
  const bytes = gzipSync(JSON.stringify(request));
  // Past the 10-byte header and before the 8-byte trailer.
  const index = 10 + (at % (bytes.length - 18));
  bytes[index] = (bytes[index] ?? 0) ^ 0xff;
  return bytes;
}
