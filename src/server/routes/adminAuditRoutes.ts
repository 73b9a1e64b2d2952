/** `GET /api/audit?limit=&before=`: the audit trail, newest first, for administrators and coordinators. */
import type { FastifyInstance } from 'fastify';
import { auditQuerySchema, parseBody } from '../accounts/accountSchemas.ts';
import type { AuthDeps } from '../auth/authenticate.ts';
import { requireRole } from '../auth/requireRole.ts';

export interface AuditRow {
  id: number;
  at: number;
  userId: string | null;
  clientId: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  detail: unknown;
}

export function registerAdminAuditRoutes(app: FastifyInstance, deps: AuthDeps): void {
  app.get('/api/audit', { onRequest: requireRole(deps, ['admin', 'coordinator']) }, async (request, reply) => {
    const parsed = parseBody(auditQuerySchema, request.query);
    if (!parsed.ok) return reply.code(400).send(parsed.body);
    const { limit, before } = parsed.data;
    let query = deps.db.selectFrom('audit_event').selectAll().orderBy('id', 'desc').limit(limit);
    // `before`: the smallest id of the previous page, to read further back.
    if (before !== undefined) query = query.where('id', '<', before);
    const rows = await query.execute();
    const events: AuditRow[] = rows.map((row) => ({
      id: Number(row.id),
      at: row.at,
      userId: row.user_id,
      clientId: row.client_id,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      detail: row.detail_json === null ? null : (JSON.parse(row.detail_json) as unknown),
    }));
    return { events };
  });
}
