import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION, type HealthResponse } from '../../sync/protocol.ts';
import type { AppDatabase } from '../database/openDatabase.ts';
import { runSync } from '../sync/runSync.ts';
import { errorBody } from './errorReplies.ts';
import { isJsonContentType, parseSyncRequest } from './parseSyncRequest.ts';

export interface SyncRouteDeps {
  db: AppDatabase;
  now: () => number;
}

/** `POST /api/sync` (push and pull in one round trip) and `GET /api/health`. */
export function registerSyncRoutes(app: FastifyInstance, deps: SyncRouteDeps): void {
  app.get('/api/health', (): HealthResponse => ({
    status: 'ok',
    protocolVersion: PROTOCOL_VERSION,
    serverTime: deps.now(),
  }));

  app.post('/api/sync', async (request, reply) => {
    // A body-less POST without a content type never reaches a body parser.
    if (!isJsonContentType(request.headers['content-type'])) {
      return reply.code(415).send(errorBody('unsupported_media_type'));
    }
    const parsed = parseSyncRequest(request.body);
    if (!parsed.ok) return reply.code(parsed.status).send(parsed.body);
    return runSync(deps.db, parsed.request, deps.now());
  });
}
