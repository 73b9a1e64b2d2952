import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode, ErrorResponse } from '../../sync/protocol.ts';

export type Issue = { path: string; code: string };

export function errorBody(code: ErrorCode, issues?: Issue[]): ErrorResponse {
  return issues === undefined ? { error: { code } } : { error: { code, issues } };
}

/**
 * Maps every error Fastify raises before or inside a handler to a stable code.
 * Anything the client caused (body parsing: size, media type, JSON syntax,
 * empty body, prototype poisoning) is a 4xx; only our own failures are 500.
 * Messages are never sent or logged for 4xx: a JSON syntax error quotes the
 * submitted text, which may be a child's data.
 */
export async function replyWithError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const status = error.statusCode ?? 500;
  if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    await reply.code(413).send(errorBody('payload_too_large'));
  } else if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    await reply.code(415).send(errorBody('unsupported_media_type'));
  } else if (status >= 400 && status < 500) {
    await reply.code(400).send(errorBody('bad_request'));
  } else if (error instanceof SyntaxError) {
    await reply.code(400).send(errorBody('bad_request'));
  } else {
    request.log.error({ errorCode: error.code, errorName: error.name, stack: error.stack }, 'request failed');
    await reply.code(500).send(errorBody('internal'));
  }
}

export async function replyNotFound(reply: FastifyReply): Promise<void> {
  await reply.code(404).send(errorBody('not_found'));
}
