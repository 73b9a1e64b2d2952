import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION, type HealthResponse } from '../../sync/protocol.ts';
import { authenticate, authOf } from '../auth/authenticate.ts';
import type { AppDatabase } from '../database/openDatabase.ts';
import { runSync } from '../sync/runSync.ts';
import { errorBody } from './errorReplies.ts';
import { isJsonContentType, parseSyncRequest } from './parseSyncRequest.ts';

export interface SyncRouteDeps {
  db: AppDatabase;
  now: () => number;
}

/** `POST /api/sync` (push and pull in one round trip, for a signed-in device) and `GET /api/health` (public). */
export function registerSyncRoutes(app: FastifyInstance, deps: SyncRouteDeps): void {
  app.get('/api/health', (): HealthResponse => ({
    status: 'ok',
    protocolVersion: PROTOCOL_VERSION,
    serverTime: deps.now(),
  }));

  // The session is checked on arrival, before the body is read or decompressed.
  app.post('/api/sync', { onRequest: authenticate(deps) }, async (request, reply) => {
    // A body-less POST without a content type never reaches a body parser.
    if (!isJsonContentType(request.headers['content-type'])) {
      return reply.code(415).send(errorBody('unsupported_media_type'));
    }
    const parsed = parseSyncRequest(request.body);
    if (!parsed.ok) return reply.code(parsed.status).send(parsed.body);
    const auth = authOf(request);
    // A session belongs to one device: its pull cursor and its change-log rows are that device's.
    if (parsed.request.clientId !== auth.clientId) return reply.code(403).send(errorBody('forbidden'));
    return runSync(deps.db, parsed.request, deps.now(), { userId: auth.userId });
  });
}
