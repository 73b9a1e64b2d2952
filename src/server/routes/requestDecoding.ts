import { finished, Transform, type Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import { MAX_BODY_BYTES } from '../../sync/protocol.ts';

/**
 * Decoding of compressed request bodies (`Content-Encoding: gzip` or
 * `deflate`), before Fastify's JSON parser reads them. The decoded body is
 * held to MAX_BODY_BYTES as it is inflated, and inflating stops there: a small
 * gzip "bomb" neither fills memory nor keeps the CPU busy after the 413.
 */

/** The statuses errorReplies.ts turns into `bad_request`, `payload_too_large` and `unsupported_media_type`. */
export class BodyEncodingError extends Error {
  constructor(
    message: string,
    readonly statusCode: 400 | 413 | 415,
  ) {
    super(message);
    this.name = 'BodyEncodingError';
  }
}

/** What Fastify's body reader expects from a preParsing hook's stream: it checks Content-Length against the encoded size. */
type DecodedBody = Transform & { receivedEncodedLength: number };

type BodyCoding = 'gzip' | 'deflate' | 'identity';

/** HTTP's `deflate` is the zlib format (RFC 9110 §8.4.1.2), which is what CompressionStream('deflate') writes. */
const CODINGS: Readonly<Record<string, BodyCoding>> = {
  gzip: 'gzip',
  'x-gzip': 'gzip',
  deflate: 'deflate',
  identity: 'identity',
};

/**
 * For a preParsing hook: the body stream Fastify's parser reads, decoded when
 * the request says it is compressed. Throws a BodyEncodingError (415) for a
 * coding it does not read.
 */
export function decodeRequestBody(request: FastifyRequest, payload: Readable): Readable {
  const header = request.headers['content-encoding'];
  if (header === undefined || !hasBody(request)) return payload;
  // One coding only: no client of ours stacks them, and each layer would be one more inflater to bound.
  const coding = CODINGS[header.trim().toLowerCase()];
  if (coding === undefined) throw new BodyEncodingError('unsupported content encoding', 415);
  return coding === 'identity' ? payload : inflated(payload, coding);
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function inflated(raw: Readable, coding: 'gzip' | 'deflate'): DecodedBody {
  const inflater = coding === 'gzip' ? createGunzip() : createInflate();
  let decodedBytes = 0;
  const body = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      decodedBytes += chunk.length;
      if (decodedBytes > MAX_BODY_BYTES) done(new BodyEncodingError('decoded body too large', 413));
      else done(null, chunk);
    },
  }) as DecodedBody;
  body.receivedEncodedLength = 0;
  const countEncoded = (chunk: Buffer): void => {
    body.receivedEncodedLength += chunk.length;
  };

  raw.on('data', countEncoded);
  inflater.on('error', () => body.destroy(new BodyEncodingError('corrupt compressed body', 400)));
  // A client that hangs up mid-body: without this the parser would wait for an end that never comes.
  finished(raw, (error) => {
    if (error) body.destroy(new BodyEncodingError('request body cut short', 400));
  });
  // Fastify listens while it reads the body; a body it never reads (a refused
  // content type is answered first) must not crash the process with its error.
  body.on('error', () => undefined);
  body.on('close', () => {
    // Done, refused or cut short: inflate nothing more, and let the rest of the upload drain unread.
    raw.unpipe(inflater);
    raw.removeListener('data', countEncoded);
    inflater.destroy();
    raw.resume();
  });
  raw.pipe(inflater).pipe(body);
  return body;
}
