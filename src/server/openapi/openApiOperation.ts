/**
 * One operation of the OpenAPI description, built from a short spec: who may
 * call it, what it takes, what it answers. The refusals every route of a kind
 * shares (no session, a body that is not JSON, a failure) are added here, so
 * no route can forget one.
 */
import type { Role } from '../../domain/accessScope.ts';
import { MAX_BODY_BYTES } from '../../sync/protocol.ts';
import { schemaRef, type JsonSchema } from './openApiComponents.ts';
import { errorResponses, jsonResponse, type RefusalNotes } from './openApiErrors.ts';

/** The name of the session cookie's security scheme in `components.securitySchemes`. */
export const SESSION_SCHEME = 'session';

/** Anyone; anyone, reading the session if one is sent; anyone signed in; or signed in with one of these roles. */
export type Access = 'public' | 'optionalSession' | 'session' | { roles: readonly Role[] };

export interface OperationSpec {
  operationId: string;
  tag: 'sync' | 'session' | 'administration' | 'cases' | 'dashboard';
  summary: string;
  description?: string;
  access: Access;
  /** Each path parameter (every one an id) with what it names. */
  pathParameters?: Readonly<Record<string, string>>;
  query?: JsonSchema[];
  /** The component describing the JSON body; a route without one takes none. */
  body?: string;
  success: { status: 200 | 201 | 204; description: string; schema?: string; headers?: JsonSchema };
  /** The refusals particular to the route, each with what it means there. */
  refusals?: RefusalNotes;
}

/** Operations by path (OpenAPI's form, `{name}` for a parameter), then by lower-case method. */
export type PathSpecs = Readonly<
  Record<string, Readonly<Partial<Record<'get' | 'post' | 'put' | 'delete', OperationSpec>>>>
>;

export function buildPaths(specs: PathSpecs): JsonSchema {
  return Object.fromEntries(
    Object.entries(specs).map(([path, operations]) => [
      path,
      Object.fromEntries(Object.entries(operations).map(([method, spec]) => [method, buildOperation(spec, method)])),
    ]),
  );
}

export const SET_COOKIE_HEADER = {
  'Set-Cookie': { description: 'The session cookie, set or cleared.', schema: { type: 'string' } },
};

export function buildOperation(spec: OperationSpec, method: string): JsonSchema {
  const { operationId, tag, summary, access, body, success } = spec;
  const parameters = [
    ...Object.entries(spec.pathParameters ?? {}).map(([name, description]) => ({
      name,
      in: 'path',
      required: true,
      description,
      schema: schemaRef('Id'),
    })),
    ...(spec.query ?? []),
  ];
  return {
    operationId,
    tags: [tag],
    summary,
    description: [spec.description, accessSentence(access)].filter(Boolean).join(' '),
    ...securityOf(access),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            description: `At most ${MAX_BODY_BYTES} bytes.`,
            content: { 'application/json': { schema: schemaRef(body) } },
          },
        }),
    responses: {
      [String(success.status)]: successResponse(success),
      ...errorResponses({ ...sharedRefusals(access, method, body !== undefined), ...spec.refusals }),
    },
  };
}

function successResponse({ description, schema, headers }: OperationSpec['success']): JsonSchema {
  const response = schema === undefined ? { description } : jsonResponse(description, schemaRef(schema));
  return headers === undefined ? response : { ...response, headers };
}

function securityOf(access: Access): JsonSchema {
  if (access === 'public') return {};
  // An empty requirement makes the session optional (OpenAPI 3.1, "Security Requirement Object").
  if (access === 'optionalSession') return { security: [{}, { [SESSION_SCHEME]: [] }] };
  const roles = access === 'session' ? {} : { 'x-ura-roles': [...access.roles] };
  return { security: [{ [SESSION_SCHEME]: [] }], ...roles };
}

function accessSentence(access: Access): string {
  if (access === 'public') return 'Needs no session.';
  if (access === 'optionalSession') return 'Needs no session, but reads the session cookie when one is sent.';
  if (access === 'session') return 'Needs a session (any role).';
  return `Needs a session of a user holding ${roleNames(access.roles)}.`;
}

function roleNames(roles: readonly Role[]): string {
  const names = roles.map((role) => `\`${role}\``);
  return names.length === 1 ? `the role ${names.join('')}` : `one of the roles ${names.join(', ')}`;
}

/** What every route of this access and method can answer, in the general meaning of each code. */
function sharedRefusals(access: Access, method: string, takesBody: boolean): RefusalNotes {
  const signedIn: RefusalNotes =
    access === 'public' || access === 'optionalSession' ? {} : { unauthenticated: '', device_revoked: '' };
  const roles: RefusalNotes =
    typeof access === 'object'
      ? { forbidden: `The user does not hold ${roleNames(access.roles)}. Nothing was changed.` }
      : {};
  // Fastify reads the body of any request but a GET, even on a route that takes none.
  const bodyRead: RefusalNotes =
    method === 'get'
      ? {}
      : {
          bad_request: takesBody
            ? ''
            : 'This route takes no body; one that is sent is still read, and answers this when it is not JSON ' +
              '(or is empty while declared as JSON).',
          payload_too_large: '',
          unsupported_media_type: takesBody ? '' : 'A body was sent (this route takes none) and is not JSON.',
        };
  return { ...signedIn, ...roles, ...bodyRead, internal: '' };
}
