/**
 * The OpenAPI 3.1 description of Ura's HTTP API, served at
 * /api/openapi.json and kept in docs/openapi.json (tests/integration/server/
 * openApi.test.ts checks that the two agree; `npm run openapi` rewrites it).
 */
import {
  ERROR_CODES,
  MAX_BODY_BYTES,
  OLDEST_SUPPORTED_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  type ErrorCode,
} from '../../sync/protocol.ts';
import { buildComponentSchemas, errorComponentName, schemaRef, type JsonSchema } from './openApiComponents.ts';

export const OPENAPI_PATH = '/api/openapi.json';

export type OpenApiDocument = JsonSchema & { openapi: string; info: JsonSchema; paths: JsonSchema };

interface ErrorReply {
  status: 400 | 404 | 413 | 415 | 426 | 500;
  description: string;
}

/** Each refusal with its status; a `Record` so a new code in protocol.ts without one here fails typecheck. */
const ERROR_REPLIES: Record<ErrorCode, ErrorReply> = {
  bad_request: {
    status: 400,
    description:
      'The body is not a valid sync request: not JSON, a wrong type, a missing or unknown key, a value out of ' +
      "range, or a mutation whose clientId is not the request's (`client_mismatch`). `issues` (when the body " +
      'was JSON) say where, never what was sent. Nothing was changed.',
  },
  payload_too_large: { status: 413, description: `The body is over ${MAX_BODY_BYTES} bytes. Nothing was changed.` },
  unsupported_media_type: {
    status: 415,
    description: 'The content type is not `application/json` (parameters such as charset are allowed).',
  },
  unsupported_protocol: {
    status: 426,
    description:
      'The protocolVersion, schemaVersion or a mutation `schema` is one this server does not support: the app ' +
      'must be updated (it keeps its outbox). Nothing was changed.',
  },
  not_found: { status: 404, description: 'No such path under /api.' },
  internal: { status: 500, description: 'The server failed (its log says why). Nothing was changed.' },
};

/** Every refusal `POST /api/sync` can answer: all but `not_found`, which only other paths answer. */
const SYNC_ERROR_CODES = ERROR_CODES.filter((code) => code !== 'not_found');

export function buildOpenApiDocument(appVersion: string): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ura sync API',
      version: appVersion,
      description:
        `Ura ${appVersion}: protocol version ${PROTOCOL_VERSION} (oldest accepted ` +
        `${OLDEST_SUPPORTED_PROTOCOL_VERSION}), record schema version ${SCHEMA_VERSION}. ` +
        'Errors are stable codes, never prose. Any other path under /api answers 404 `not_found`. ' +
        'Every reply forbids caching. See docs/sync.md.',
      'x-ura-protocol-version': PROTOCOL_VERSION,
      'x-ura-oldest-supported-protocol-version': OLDEST_SUPPORTED_PROTOCOL_VERSION,
      'x-ura-schema-version': SCHEMA_VERSION,
    },
    paths: {
      '/api/sync': { post: syncOperation() },
      '/api/health': {
        get: {
          operationId: 'health',
          summary: 'Is the server up, and which protocol does it speak?',
          responses: { '200': jsonResponse('The server is up.', schemaRef('HealthResponse')) },
        },
      },
      [OPENAPI_PATH]: {
        get: {
          operationId: 'openApi',
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
    },
    components: {
      schemas: buildComponentSchemas(),
      responses: Object.fromEntries(ERROR_CODES.map((code) => [errorComponentName(code), errorResponse(code)])),
    },
  };
}

function syncOperation(): JsonSchema {
  return {
    operationId: 'sync',
    summary: 'Push pending mutations and pull changes since a cursor, in one round trip.',
    description:
      'Mutations apply in the order sent, in one transaction; each gets a result. A mutation that can never ' +
      'apply is rejected with a code (see RejectionCode) and the rest of the batch goes on. Re-sending a ' +
      'mutation id answers its first verdict and changes nothing.',
    requestBody: {
      required: true,
      description: `At most ${MAX_BODY_BYTES} bytes.`,
      content: { 'application/json': { schema: schemaRef('SyncRequest') } },
    },
    responses: {
      '200': jsonResponse('A result per mutation and one page of changes.', schemaRef('SyncResponse')),
      ...Object.fromEntries(
        SYNC_ERROR_CODES.map((code) => [
          String(ERROR_REPLIES[code].status),
          { $ref: `#/components/responses/${errorComponentName(code)}` },
        ]),
      ),
    },
  };
}

function errorResponse(code: ErrorCode): JsonSchema {
  return jsonResponse(`\`${code}\`: ${ERROR_REPLIES[code].description}`, schemaRef(errorComponentName(code)));
}

function jsonResponse(description: string, schema: JsonSchema): JsonSchema {
  return { description, content: { 'application/json': { schema } } };
}
