/**
 * The `components.schemas` of the OpenAPI description, generated with zod's
 * own JSON Schema output: the requests from the schemas the server validates
 * with (so the description cannot drift from them), the replies from
 * replySchemas.ts and accountReplySchemas.ts (tied to their types by typecheck).
 */
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../../sync/protocol.ts';
import { mutationSchema, signInRequestSchema, syncRequestSchema } from '../../sync/protocolSchemas.ts';
import {
  acceptInvitationSchema,
  createOrganisationSchema,
  createUserSchema,
  idSchema,
  loginSchema,
  roleGrantSchema,
} from '../accounts/accountSchemas.ts';
import {
  auditEventSchema,
  auditPageSchema,
  createdUserSchema,
  deviceListSchema,
  deviceSchema,
  invitationCreatedSchema,
  invitationSchema,
  organisationCreatedSchema,
  organisationListSchema,
  organisationSchema,
  roleAssignmentCreatedSchema,
  roleAssignmentSchema,
  userListSchema,
  userSummarySchema,
} from './accountReplySchemas.ts';
import {
  accessScopeSchema,
  changeSchema,
  errorCodeSchema,
  errorReplySchemaFor,
  errorResponseSchema,
  healthResponseSchema,
  issueSchema,
  mutationResultSchema,
  rejectionCodeSchema,
  roleSchema,
  sessionInfoSchema,
  sessionUserSchema,
  signInReplySchema,
  syncResponseSchema,
} from './replySchemas.ts';
import { exportAuditComponentSchemas } from '../audit/exportAuditOpenApi.ts';
import { dashboardComponentSchemas } from '../dashboard/dashboardOpenApi.ts';

export type JsonSchema = Record<string, unknown>;

export const COMPONENT_SCHEMAS_PATH = '#/components/schemas/';

/** The component holding one refusal's body, e.g. `PayloadTooLargeError` for `payload_too_large`. */
export function errorComponentName(code: ErrorCode): string {
  const words = code.split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return `${words.join('')}Error`;
}

export function schemaRef(name: string): { $ref: string } {
  return { $ref: `${COMPONENT_SCHEMAS_PATH}${name}` };
}

type Named = [z.ZodType, string] | [z.ZodType, string, string];

/**
 * Every named schema, with a description where the server's own schema has
 * none to give (its rules written as code show only as their JSON type). A
 * schema registered here becomes a component, and any other component that
 * contains it refers to it by `$ref` instead of repeating it.
 */
function namedSchemas(): Named[] {
  return [
    [syncRequestSchema, 'SyncRequest'],
    [mutationSchema, 'Mutation'],
    [syncResponseSchema, 'SyncResponse'],
    [mutationResultSchema, 'MutationResult'],
    [rejectionCodeSchema, 'RejectionCode'],
    [changeSchema, 'Change'],
    [accessScopeSchema, 'AccessScope'],
    [roleSchema, 'Role'],
    [errorResponseSchema, 'ErrorResponse'],
    [errorCodeSchema, 'ErrorCode'],
    [issueSchema, 'Issue'],
    [healthResponseSchema, 'HealthResponse'],
    ...ERROR_CODES.map((code): Named => [errorReplySchemaFor(code), errorComponentName(code)]),
    ...accountSchemas(),
    ...exportAuditComponentSchemas(),
    ...dashboardComponentSchemas(),
  ];
}

function accountSchemas(): Named[] {
  return [
    [signInRequestSchema, 'SignInRequest', 'The login is compared trimmed and lower-cased.'],
    [sessionInfoSchema, 'SessionInfo', 'Who is signed in, what they may see, and until when.'],
    [
      signInReplySchema,
      'SignInReply',
      "The session, and the device's recovery secret: the phone wraps its data key with it, so signing in " +
        'again online recovers the key after too many wrong PINs.',
    ],
    [sessionUserSchema, 'SessionUser'],
    [acceptInvitationSchema, 'AcceptInvitationRequest'],
    [idSchema, 'Id', 'A lower-case UUID.'],
    [
      loginSchema,
      'Login',
      'The stored form: the server trims and lower-cases a login before checking it, so "Drita.B " is taken as "drita.b".',
    ],
    [createOrganisationSchema, 'CreateOrganisationRequest', 'A school names its school record; no other kind does.'],
    [createUserSchema, 'CreateUserRequest'],
    [
      roleGrantSchema,
      'RoleGrant',
      'A role with exactly the place it needs. A teacher\'s classKey is "grade|class name".',
    ],
    [organisationSchema, 'Organisation'],
    [organisationListSchema, 'OrganisationList'],
    [organisationCreatedSchema, 'OrganisationCreated'],
    [userSummarySchema, 'UserSummary'],
    [userListSchema, 'UserList'],
    [createdUserSchema, 'UserCreated', 'The new user, and the invitation code to hand them.'],
    [invitationSchema, 'Invitation'],
    [invitationCreatedSchema, 'InvitationCreated'],
    [roleAssignmentSchema, 'RoleAssignment'],
    [roleAssignmentCreatedSchema, 'RoleAssignmentCreated'],
    [deviceSchema, 'Device'],
    [deviceListSchema, 'DeviceList'],
    [auditEventSchema, 'AuditEvent'],
    [auditPageSchema, 'AuditPage'],
  ];
}

export function buildComponentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  const descriptions = new Map<string, string>();
  for (const [schema, id, description] of namedSchemas()) {
    registry.add(schema, { id });
    if (description !== undefined) descriptions.set(id, description);
  }
  // `input`: a request is described as a client writes it (before any
  // transform); the replies have no transforms, so both sides agree there.
  // An unrepresentable schema throws rather than being described as "anything".
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'throw',
    uri: (id) => `${COMPONENT_SCHEMAS_PATH}${id}`,
  });
  // zod reads descriptions from its global registry only (where `.meta()` puts them), so the
  // ones given here, for schemas that are not ours to annotate, are added to the component.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const description = descriptions.get(id);
      return [id, asComponent(description === undefined ? schema : { ...schema, description })];
    }),
  );
}

/**
 * zod stamps each schema as a standalone document (`$schema`, and `$id` set
 * to the fragment it was given). Inside an OpenAPI 3.1 document the dialect
 * is already JSON Schema 2020-12, and an `$id` would rebase the `$ref`s in the
 * schema away from the document, so both go.
 */
function asComponent(schema: JsonSchema): JsonSchema {
  const { $schema, $id, ...rest } = schema;
  void $schema;
  void $id;
  return rest;
}

/**
 * The query parameters of a route, from the very zod object it parses its
 * query with, each with what it means (a `Record`, so a new parameter without
 * a description fails typecheck).
 */
export function queryParameters<S extends z.ZodObject>(
  schema: S,
  descriptions: Readonly<Record<keyof z.input<S> & string, string>>,
): JsonSchema[] {
  const { properties = {}, required = [] } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' });
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    description: (descriptions as Readonly<Record<string, string>>)[name],
    schema: property,
  }));
}
