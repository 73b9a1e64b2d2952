import type { FastifyInstance, RequestPayload } from 'fastify';
import {
  compressReply,
  MIN_COMPRESSED_REPLY_BYTES,
  negotiateReplyCoding,
  varyWithAcceptEncoding,
} from './replyCompression.ts';
import { isApiUrl } from './apiUrl.ts';
import { decodeRequestBody } from './requestDecoding.ts';

/**
 * Compressed sync traffic (docs/sync.md, "Compressed bodies"): request bodies sent
 * with `Content-Encoding: gzip` or `deflate` are decoded before the JSON
 * parser, and `/api/` replies of 1 KB or more are compressed when the client
 * accepts it. Register before the routes; the security headers and
 * `Cache-Control` set by earlier onSend hooks stay on the compressed reply.
 */
export function registerCompression(app: FastifyInstance): void {
  app.addHook('preParsing', (request, _reply, payload, done) => {
    // The decoder is built before `done`, so an error thrown further down the chain is not taken for its own.
    let decoded: RequestPayload;
    try {
      decoded = decodeRequestBody(request, payload);
    } catch (error) {
      done(error as Error);
      return;
    }
    done(null, decoded);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // Static files are left alone: the built app is served as it is on disk.
    if (!isApiUrl(request.url) || request.method === 'HEAD' || reply.hasHeader('content-encoding')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < MIN_COMPRESSED_REPLY_BYTES) return payload;
    reply.header('Vary', varyWithAcceptEncoding(reply.getHeader('vary')));
    const coding = negotiateReplyCoding(request.headers['accept-encoding']);
    if (coding === undefined) return payload;
    const compressed = await compressReply(coding, body);
    reply.header('Content-Encoding', coding);
    // Fastify sets the length of the body it finally sends; the old value would be the plain length.
    reply.removeHeader('content-length');
    return compressed;
  });
}
