/**
 * `GET /api/audit`: the audit trail, newest first, for administrators (all of
 * it) and municipal coordinators (their municipalities' events only).
 */
import type { FastifyInstance } from 'fastify';
import { auditQuerySchema, parseBody } from '../accounts/accountSchemas.ts';
import { auditReachOf, readAuditPage } from '../audit/auditTrail.ts';
import { authOf, type AuthDeps } from '../auth/authenticate.ts';
import { requireRole } from '../auth/requireRole.ts';

export function registerAdminAuditRoutes(app: FastifyInstance, deps: AuthDeps): void {
  app.get('/api/audit', { onRequest: requireRole(deps, ['admin', 'coordinator']) }, async (request, reply) => {
    const parsed = parseBody(auditQuerySchema, request.query);
    if (!parsed.ok) return reply.code(400).send(parsed.body);
    const reach = await auditReachOf(deps.db, authOf(request).userId);
    return readAuditPage(deps.db, reach, parsed.data);
  });
}
