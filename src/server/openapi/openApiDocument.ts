/**
 * The OpenAPI 3.1 description of Ura's HTTP API, served at
 * /api/openapi.json and kept in docs/openapi.json (tests/integration/server/
 * openApi.test.ts checks that the two agree; `npm run openapi` rewrites it).
 */
import {
  MAX_BODY_BYTES,
  OLDEST_SUPPORTED_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
} from '../../sync/protocol.ts';
import { SESSION_COOKIE } from '../auth/sessionCookie.ts';
import { EXPORT_AUDIT_PATHS } from '../audit/exportAuditOpenApi.ts';
import { DASHBOARD_PATHS } from '../dashboard/dashboardOpenApi.ts';
import { buildComponentSchemas, schemaRef, type JsonSchema } from './openApiComponents.ts';
import { ADMIN_PATHS } from './openApiAdminPaths.ts';
import { CASE_PATHS } from './openApiCasePaths.ts';
import { errorResponseComponents, jsonResponse } from './openApiErrors.ts';
import { SESSION_LIFETIME } from './openApiLimits.ts';
import { buildPaths, SESSION_SCHEME, type PathSpecs } from './openApiOperation.ts';
import { SESSION_PATHS } from './openApiSessionPaths.ts';

export const OPENAPI_PATH = '/api/openapi.json';

export type OpenApiDocument = JsonSchema & { openapi: string; info: JsonSchema; paths: JsonSchema };

const SYNC_PATHS: PathSpecs = {
  '/api/sync': {
    post: {
      operationId: 'sync',
      tag: 'sync',
      summary: 'Push pending mutations and pull changes since a cursor, in one round trip.',
      description:
        'Mutations apply in the order sent, in one transaction; each gets a result. A mutation that can never ' +
        'apply is rejected with a code (see RejectionCode) and the rest of the batch goes on. Re-sending a ' +
        'mutation id answers its first verdict and changes nothing. Pushes and pulls reach only what the user ' +
        'may see (docs/accounts.md). The session must be the one of the device named by `clientId`.',
      access: 'session',
      body: 'SyncRequest',
      success: { status: 200, description: 'A result per mutation and one page of changes.', schema: 'SyncResponse' },
      refusals: {
        bad_request:
          'The body is not a valid sync request: not JSON, a wrong type, a missing or unknown key, a value out ' +
          "of range, or a mutation whose clientId is not the request's (`client_mismatch`). `issues` (when the " +
          'body was JSON) say where, never what was sent. Nothing was changed.',
        forbidden: "The request's clientId is not the device the session belongs to. Nothing was changed.",
        unsupported_protocol: '',
      },
    },
  },
};

export function buildOpenApiDocument(appVersion: string): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ura API',
      version: appVersion,
      description:
        `Ura ${appVersion}: protocol version ${PROTOCOL_VERSION} (oldest accepted ` +
        `${OLDEST_SUPPORTED_PROTOCOL_VERSION}), record schema version ${SCHEMA_VERSION}. ` +
        'Errors are stable codes, never prose. Any other path or method under /api answers 404 `not_found`. ' +
        `Every body is JSON of at most ${MAX_BODY_BYTES} bytes. Every reply forbids caching. Routes with the ` +
        `\`${SESSION_SCHEME}\` security need the \`${SESSION_COOKIE}\` cookie that sign-in sets; a route's ` +
        'description names the roles it needs. See docs/sync.md and docs/accounts.md.',
      'x-ura-protocol-version': PROTOCOL_VERSION,
      'x-ura-oldest-supported-protocol-version': OLDEST_SUPPORTED_PROTOCOL_VERSION,
      'x-ura-schema-version': SCHEMA_VERSION,
    },
    paths: {
      ...buildPaths(SYNC_PATHS),
      '/api/health': {
        get: {
          operationId: 'health',
          tags: ['server'],
          summary: 'Is the server up, and which protocol does it speak?',
          responses: { '200': jsonResponse('The server is up.', schemaRef('HealthResponse')) },
        },
      },
      [OPENAPI_PATH]: {
        get: {
          operationId: 'openApi',
          tags: ['server'],
          summary: 'This description.',
          responses: {
            '200': jsonResponse('The OpenAPI 3.1 description of this API.', {
              type: 'object',
              properties: { openapi: { type: 'string' }, info: { type: 'object' }, paths: { type: 'object' } },
              required: ['openapi', 'info', 'paths'],
            }),
          },
        },
      },
      ...buildPaths(SESSION_PATHS),
      ...buildPaths(ADMIN_PATHS),
      ...buildPaths(CASE_PATHS),
      ...buildPaths(EXPORT_AUDIT_PATHS),
      ...buildPaths(DASHBOARD_PATHS),
    },
    components: {
      securitySchemes: {
        [SESSION_SCHEME]: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'Set by POST /api/session: a random token, `HttpOnly`, `Secure`, `SameSite=Strict`, `Path=/api`. It ' +
            `ends ${SESSION_LIFETIME}.`,
        },
      },
      schemas: buildComponentSchemas(),
      responses: errorResponseComponents(),
    },
  };
}
