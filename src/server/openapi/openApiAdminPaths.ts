/**
 * The description of the administration API (src/server/routes/adminRoutes.ts,
 * adminAccessRoutes.ts, adminAuditRoutes.ts): organisations, users and their
 * invitation codes, role grants, devices, the audit trail.
 */
import { auditQuerySchema } from '../accounts/accountSchemas.ts';
import { queryParameters } from './openApiComponents.ts';
import type { PathSpecs } from './openApiOperation.ts';

const ADMIN = { roles: ['admin'] } as const;
const USER = { userId: 'The user.' } as const;
const NO_SUCH_USER = 'No user has this id.';

export const ADMIN_PATHS: PathSpecs = {
  '/api/organisations': {
    get: {
      operationId: 'listOrganisations',
      tag: 'administration',
      summary: 'Every organisation, by name.',
      access: ADMIN,
      success: { status: 200, description: 'The organisations.', schema: 'OrganisationList' },
    },
    post: {
      operationId: 'createOrganisation',
      tag: 'administration',
      summary: 'Make an organisation: a school, CSO, MED, CSW or ministry.',
      access: ADMIN,
      body: 'CreateOrganisationRequest',
      success: { status: 201, description: 'Made.', schema: 'OrganisationCreated' },
      refusals: {
        bad_request:
          'The body is malformed, or (issue code in `issues`) a school names no school record (`required`), ' +
          'another kind names one (`not_allowed`), or a school or municipality named is not stored (`not_found`). ' +
          'Nothing was changed.',
      },
    },
  },
  '/api/users': {
    get: {
      operationId: 'listUsers',
      tag: 'administration',
      summary: 'Every account, by login, with its role grants.',
      access: ADMIN,
      success: { status: 200, description: 'The accounts.', schema: 'UserList' },
    },
    post: {
      operationId: 'createUser',
      tag: 'administration',
      summary: 'Make an account, with the invitation code its person chooses a password with.',
      access: ADMIN,
      body: 'CreateUserRequest',
      success: { status: 201, description: 'Made; hand the code to the person.', schema: 'UserCreated' },
      refusals: {
        bad_request:
          'The body is malformed, or the organisation named is not stored (`issues`: organisationId, `not_found`). ' +
          'Nothing was changed.',
        conflict: 'The login is taken. Nothing was changed.',
      },
    },
  },
  '/api/users/{userId}/invitations': {
    post: {
      operationId: 'createInvitation',
      tag: 'administration',
      summary: 'A new invitation code, for a person who lost theirs or forgot their password.',
      description: 'Codes issued before stay valid until used or expired.',
      access: ADMIN,
      pathParameters: USER,
      success: { status: 201, description: 'The new code.', schema: 'InvitationCreated' },
      refusals: { not_found: NO_SUCH_USER },
    },
  },
  '/api/users/{userId}/roles': {
    post: {
      operationId: 'grantRole',
      tag: 'administration',
      summary: 'Grant a role, with the place it needs.',
      description:
        "The user's access scope changes: their next sync brings what it now reaches. The user is checked " +
        'before the body.',
      access: ADMIN,
      pathParameters: USER,
      body: 'RoleGrant',
      success: { status: 201, description: 'Granted.', schema: 'RoleAssignmentCreated' },
      refusals: {
        not_found: NO_SUCH_USER,
        bad_request:
          'The body is malformed, or the school or municipality named is not stored (`issues`: schoolId or ' +
          'municipalityId, `not_found`). Nothing was changed.',
        conflict: 'The user already holds this very grant (same role and place). Nothing was changed.',
      },
    },
  },
  '/api/users/{userId}/roles/{roleAssignmentId}': {
    delete: {
      operationId: 'revokeRole',
      tag: 'administration',
      summary: 'Take a role grant away.',
      description: "The user's access scope changes: their next sync removes what it no longer reaches.",
      access: ADMIN,
      pathParameters: { ...USER, roleAssignmentId: 'The grant (a `RoleAssignment` id).' },
      success: { status: 204, description: 'Taken away.' },
      refusals: {
        not_found: 'The user holds no grant with this id.',
        conflict: 'It is the last `admin` grant: nobody could administer the server. Grant it to someone else first.',
      },
    },
  },
  '/api/users/{userId}/devices': {
    get: {
      operationId: 'listDevices',
      tag: 'administration',
      summary: 'The devices a user signed in on, most recently seen first.',
      access: ADMIN,
      pathParameters: USER,
      success: { status: 200, description: 'The devices.', schema: 'DeviceList' },
      refusals: { not_found: NO_SUCH_USER },
    },
  },
  '/api/devices/{clientId}/revoke': {
    post: {
      operationId: 'revokeDevice',
      tag: 'administration',
      summary: 'Revoke a device (a lost phone): its sessions end, and its next request wipes it.',
      description:
        "Also destroys the device's recovery secret, so the phone's files can no longer recover its data key " +
        '(docs/accounts.md, "Recovery secret").',
      access: ADMIN,
      pathParameters: { clientId: "The device's sync client id." },
      success: { status: 204, description: 'Revoked (also when it already was).' },
      refusals: { not_found: 'No device has this id.' },
    },
  },
  '/api/audit': {
    get: {
      operationId: 'readAuditTrail',
      tag: 'administration',
      summary: 'The audit trail, newest first, one page at a time.',
      description:
        'Rows hold ids and counts only, never names, notes or values (docs/accounts.md, "Audit"); the page adds ' +
        'the names of the people and organisations it names. An administrator reads every event; a municipal ' +
        'coordinator only those that belong to one of their municipalities (by the person who acted, the person, ' +
        'case, school or organisation the event is about), whatever the filters say.',
      access: { roles: ['admin', 'coordinator'] },
      query: queryParameters(auditQuerySchema, {
        limit: 'Events per page.',
        before: 'Only events with a smaller id: the smallest id of the previous page, to read further back.',
        action: 'Only events of this kind.',
        userId: 'Only what this person did.',
        caseId: 'Only events about this case.',
        from: 'Only events at or after this time (ms since 1970).',
        to: 'Only events before this time (ms since 1970); must be later than `from`.',
      }),
      success: { status: 200, description: 'One page of events.', schema: 'AuditPage' },
      refusals: {
        bad_request:
          'A query parameter is out of range, not a whole number, not an id, not a known action, unknown, ' +
          'or `to` is not later than `from`.',
      },
    },
  },
};
