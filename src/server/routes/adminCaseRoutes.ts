/**
 * Who works on a case: `PUT`/`DELETE /api/cases/:caseId/assignees/:userId`,
 * for the school team and principal of the case's school (not an
 * administrator, who sees no child data).
 */
import type { FastifyInstance } from 'fastify';
import { idSchema } from '../accounts/accountSchemas.ts';
import { userExists } from '../accounts/accountQueries.ts';
import { assignCase, holdsMentorRole, mayAssignCase, unassignCase } from '../accounts/caseAssignments.ts';
import { authenticate, authOf, type AuthDeps } from '../auth/authenticate.ts';
import { errorBody } from './errorReplies.ts';

type AssigneeParams = { Params: { caseId: string; userId: string } };

export function registerCaseAssigneeRoutes(app: FastifyInstance, deps: AuthDeps): void {
  const signedIn = { onRequest: authenticate(deps) };
  const path = '/api/cases/:caseId/assignees/:userId';

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route<AssigneeParams>({
      ...signedIn,
      method,
      url: path,
      handler: async (request, reply) => {
        const { caseId, userId } = request.params;
        const actorId = authOf(request).userId;
        // An unknown case is refused like another school's: the answer tells nobody which cases exist.
        const allowed = idSchema.safeParse(caseId).success && (await mayAssignCase(deps.db, actorId, caseId));
        if (allowed !== true) return reply.code(403).send(errorBody('forbidden'));
        // A case is given to a CSO mentor only: anyone else (an administrator above all) would see a child's file.
        const known = method === 'PUT' ? holdsMentorRole : userExists;
        if (!idSchema.safeParse(userId).success || !(await known(deps.db, userId))) {
          return reply.code(404).send(errorBody('not_found'));
        }
        const change = method === 'PUT' ? assignCase : unassignCase;
        await deps.db.transaction().execute((trx) => change(trx, actorId, caseId, userId, deps.now()));
        return reply.code(204).send();
      },
    });
  }
}
