/**
 * `POST /api/audit/exports`: a device reports the exports made on it, so the
 * audit trail holds them (docs/exports.md). Any signed-in user; what they may
 * report is checked per export (src/server/audit/exportAudit.ts).
 */
import type { FastifyInstance } from 'fastify';
import { EXPORT_AUDIT_PATH } from '../../sync/exportAuditProtocol.ts';
import { exportAuditRequestSchema } from '../../sync/exportAuditSchemas.ts';
import { parseBody } from '../accounts/accountSchemas.ts';
import { recordExports } from '../audit/exportAudit.ts';
import { authenticate, authOf, type AuthDeps } from '../auth/authenticate.ts';
import { errorBody } from './errorReplies.ts';
import { isJsonContentType } from './parseSyncRequest.ts';

export function registerExportAuditRoutes(app: FastifyInstance, deps: AuthDeps): void {
  app.post(EXPORT_AUDIT_PATH, { onRequest: authenticate(deps) }, async (request, reply) => {
    // A body-less POST without a content type never reaches a body parser.
    if (!isJsonContentType(request.headers['content-type'])) {
      return reply.code(415).send(errorBody('unsupported_media_type'));
    }
    const parsed = parseBody(exportAuditRequestSchema, request.body);
    if (!parsed.ok) return reply.code(400).send(parsed.body);
    const { userId, clientId } = authOf(request);
    const outcome = await recordExports(deps.db, { userId, clientId }, parsed.data.exports, deps.now());
    if (!outcome.ok) return reply.code(outcome.status).send(outcome.body);
    return outcome.reply;
  });
}
