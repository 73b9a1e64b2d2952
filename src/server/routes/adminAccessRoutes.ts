/** Administration of what people may reach: role grants, and the devices they signed in on. */
import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import { idSchema, parseBody, roleGrantSchema } from '../accounts/accountSchemas.ts';
import { placeExists, userExists } from '../accounts/accountQueries.ts';
import { listDevices, revokeDevice } from '../accounts/devices.ts';
import { grantPlaces, grantRole, holdsGrant, revokeRole, type RoleGrant } from '../accounts/roles.ts';
import { authOf, type AuthDeps } from '../auth/authenticate.ts';
import type { Issue } from './errorReplies.ts';
import { errorBody } from './errorReplies.ts';

type UserParams = { Params: { userId: string } };

function isId(value: string): boolean {
  return idSchema.safeParse(value).success;
}

export function registerAdminAccessRoutes(app: FastifyInstance, deps: AuthDeps, adminOnly: RouteShorthandOptions) {
  const knownUser = async (userId: string) => isId(userId) && (await userExists(deps.db, userId));

  app.post<UserParams>('/api/users/:userId/roles', adminOnly, async (request, reply) => {
    const { userId } = request.params;
    if (!(await knownUser(userId))) return reply.code(404).send(errorBody('not_found'));
    const parsed = parseBody(roleGrantSchema, request.body);
    if (!parsed.ok) return reply.code(400).send(parsed.body);
    const grant: RoleGrant = parsed.data;
    const issues = await placeIssues(deps, grant);
    if (issues.length > 0) return reply.code(400).send(errorBody('bad_request', issues));
    const actorId = authOf(request).userId;
    const id = await deps.db.transaction().execute(async (trx) => {
      if (await holdsGrant(trx, userId, grant)) return undefined;
      return grantRole(trx, actorId, userId, grant, deps.now());
    });
    if (id === undefined) return reply.code(409).send(errorBody('conflict'));
    return reply.code(201).send({ roleAssignment: { id, role: grant.role, ...grantPlaces(grant) } });
  });

  app.delete<{ Params: { userId: string; roleAssignmentId: string } }>(
    '/api/users/:userId/roles/:roleAssignmentId',
    adminOnly,
    async (request, reply) => {
      const { userId, roleAssignmentId } = request.params;
      if (!isId(userId) || !isId(roleAssignmentId)) return reply.code(404).send(errorBody('not_found'));
      const outcome = await deps.db.transaction().execute(async (trx) => {
        if (await isLastAdminGrant(trx, userId, roleAssignmentId)) return 'lastAdmin' as const;
        return revokeRole(trx, authOf(request).userId, userId, roleAssignmentId, deps.now());
      });
      // Nobody could administer the server any more: give someone else the role first.
      if (outcome === 'lastAdmin') return reply.code(409).send(errorBody('conflict'));
      if (!outcome) return reply.code(404).send(errorBody('not_found'));
      return reply.code(204).send();
    },
  );

  app.get<UserParams>('/api/users/:userId/devices', adminOnly, async (request, reply) => {
    const { userId } = request.params;
    if (!(await knownUser(userId))) return reply.code(404).send(errorBody('not_found'));
    return { devices: await listDevices(deps.db, userId) };
  });

  app.post<{ Params: { clientId: string } }>('/api/devices/:clientId/revoke', adminOnly, async (request, reply) => {
    const { clientId } = request.params;
    if (!isId(clientId)) return reply.code(404).send(errorBody('not_found'));
    const outcome = await deps.db
      .transaction()
      .execute((trx) => revokeDevice(trx, authOf(request).userId, clientId, deps.now()));
    if (outcome === 'unknown') return reply.code(404).send(errorBody('not_found'));
    return reply.code(204).send();
  });
}

async function placeIssues(deps: AuthDeps, grant: RoleGrant): Promise<Issue[]> {
  const { schoolId, municipalityId } = grantPlaces(grant);
  const issues: Issue[] = [];
  if (schoolId !== null && !(await placeExists(deps.db, 'school', schoolId))) {
    issues.push({ path: 'schoolId', code: 'not_found' });
  }
  if (municipalityId !== null && !(await placeExists(deps.db, 'municipality', municipalityId))) {
    issues.push({ path: 'municipalityId', code: 'not_found' });
  }
  return issues;
}

/** Whether the grant is the user's and the only administrator grant left (another user's id answers 404). */
async function isLastAdminGrant(db: AuthDeps['db'], userId: string, roleAssignmentId: string): Promise<boolean> {
  const grants = await db
    .selectFrom('role_assignment')
    .select(['id', 'user_id'])
    .where('role', '=', 'admin')
    .limit(2)
    .execute();
  return grants.length === 1 && grants[0]?.id === roleAssignmentId && grants[0].user_id === userId;
}
