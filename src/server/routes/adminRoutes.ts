/**
 * The administration API (role `admin` only): organisations and users, with
 * invitation codes. Roles and devices are in adminAccessRoutes.ts. Every
 * refusal is a stable code, and a refused request changes nothing.
 */
import type { FastifyInstance } from 'fastify';
import { createOrganisationSchema, createUserSchema, idSchema, parseBody } from '../accounts/accountSchemas.ts';
import { placeExists, userExists } from '../accounts/accountQueries.ts';
import { createInvitation } from '../accounts/invitations.ts';
import { createOrganisation, listOrganisations, organisationExists } from '../accounts/organisations.ts';
import { createUser, listUsers, LoginTakenError } from '../accounts/users.ts';
import { authOf, type AuthDeps } from '../auth/authenticate.ts';
import { requireRole } from '../auth/requireRole.ts';
import type { Issue } from './errorReplies.ts';
import { errorBody } from './errorReplies.ts';
import { registerAdminAccessRoutes } from './adminAccessRoutes.ts';
import { registerAdminAuditRoutes } from './adminAuditRoutes.ts';
import { registerCaseAssigneeRoutes } from './adminCaseRoutes.ts';

type OrganisationBody = ReturnType<typeof createOrganisationSchema.parse>;

export function registerAdminRoutes(app: FastifyInstance, deps: AuthDeps): void {
  const adminOnly = { onRequest: requireRole(deps, ['admin']) };

  app.get('/api/organisations', adminOnly, async () => ({ organisations: await listOrganisations(deps.db) }));

  app.post('/api/organisations', adminOnly, async (request, reply) => {
    const parsed = parseBody(createOrganisationSchema, request.body);
    if (!parsed.ok) return reply.code(400).send(parsed.body);
    const issues = await organisationIssues(deps, parsed.data);
    if (issues.length > 0) return reply.code(400).send(errorBody('bad_request', issues));
    const { kind, name } = parsed.data;
    const organisation = await deps.db
      .transaction()
      .execute((trx) =>
        createOrganisation(
          trx,
          authOf(request).userId,
          { kind, name, municipalityId: parsed.data.municipalityId ?? null, schoolId: parsed.data.schoolId ?? null },
          deps.now(),
        ),
      );
    return reply.code(201).send({ organisation });
  });

  app.get('/api/users', adminOnly, async () => ({ users: await listUsers(deps.db) }));

  app.post('/api/users', adminOnly, async (request, reply) => {
    const parsed = parseBody(createUserSchema, request.body);
    if (!parsed.ok) return reply.code(400).send(parsed.body);
    const { organisationId } = parsed.data;
    if (organisationId !== null && !(await organisationExists(deps.db, organisationId))) {
      return reply.code(400).send(errorBody('bad_request', [{ path: 'organisationId', code: 'not_found' }]));
    }
    try {
      const created = await deps.db
        .transaction()
        .execute((trx) => createUser(trx, authOf(request).userId, parsed.data, deps.now()));
      return await reply.code(201).send(created);
    } catch (error) {
      if (error instanceof LoginTakenError) return reply.code(409).send(errorBody('conflict'));
      throw error;
    }
  });

  // A new code for a user who lost theirs or forgot their password; earlier codes stay valid until they expire.
  app.post<{ Params: { userId: string } }>('/api/users/:userId/invitations', adminOnly, async (request, reply) => {
    const { userId } = request.params;
    if (!idSchema.safeParse(userId).success || !(await userExists(deps.db, userId))) {
      return reply.code(404).send(errorBody('not_found'));
    }
    const invitation = await deps.db
      .transaction()
      .execute((trx) => createInvitation(trx, authOf(request).userId, userId, deps.now()));
    return reply.code(201).send({ invitation });
  });

  registerAdminAccessRoutes(app, deps, adminOnly);
  registerAdminAuditRoutes(app, deps);
  registerCaseAssigneeRoutes(app, deps);
}

/** A school organisation is one school record; the places named must exist. */
async function organisationIssues(deps: AuthDeps, body: OrganisationBody): Promise<Issue[]> {
  const issues: Issue[] = [];
  const { kind, schoolId, municipalityId } = body;
  if (kind === 'school' && (schoolId ?? null) === null) issues.push({ path: 'schoolId', code: 'required' });
  if (kind !== 'school' && (schoolId ?? null) !== null) issues.push({ path: 'schoolId', code: 'not_allowed' });
  if (schoolId != null && !(await placeExists(deps.db, 'school', schoolId))) {
    issues.push({ path: 'schoolId', code: 'not_found' });
  }
  if (municipalityId != null && !(await placeExists(deps.db, 'municipality', municipalityId))) {
    issues.push({ path: 'municipalityId', code: 'not_found' });
  }
  return issues;
}
