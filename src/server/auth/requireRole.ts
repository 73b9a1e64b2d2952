/** Routes only some roles may use (the administration API, the audit trail). */
import type { Role } from '../../domain/accessScope.ts';
import { errorBody } from '../routes/errorReplies.ts';
import { authenticate, authOf, type AuthDeps, type RequestHook } from './authenticate.ts';

/**
 * Authenticates, then refuses with 403 forbidden unless the user holds one of
 * `roles`. Runs before the body is read: a refused request changes nothing
 * and is told nothing about what it sent.
 */
export function requireRole(deps: AuthDeps, roles: readonly Role[]): RequestHook {
  const signedIn = authenticate(deps);
  return async (request, reply) => {
    const refused = await signedIn(request, reply);
    if (refused !== undefined) return refused;
    const grant = await deps.db
      .selectFrom('role_assignment')
      .select('id')
      .where('user_id', '=', authOf(request).userId)
      .where('role', 'in', roles)
      .limit(1)
      .executeTakeFirst();
    if (grant === undefined) return reply.code(403).send(errorBody('forbidden'));
    return undefined;
  };
}
