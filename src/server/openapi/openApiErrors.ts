/**
 * The refusals of the OpenAPI description: each stable error code with its
 * status and general meaning (one `components.responses` entry each), and an
 * operation's error responses grouped by status, each code with what it means
 * on that route.
 */
import { ERROR_CODES, MAX_BODY_BYTES, type ErrorCode } from '../../sync/protocol.ts';
import { errorComponentName, schemaRef, type JsonSchema } from './openApiComponents.ts';
import { LOCKOUT, PER_ADDRESS_LIMIT, SESSION_LIFETIME } from './openApiLimits.ts';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 426 | 429 | 500;

/** The refusals a route answers, each with what it means there ('' keeps its general meaning). */
export type RefusalNotes = Partial<Record<ErrorCode, string>>;

interface ErrorReply {
  status: ErrorStatus;
  description: string;
}

/** Each refusal with its status; a `Record` so a new code in protocol.ts without one here fails typecheck. */
const ERROR_REPLIES: Record<ErrorCode, ErrorReply> = {
  bad_request: {
    status: 400,
    description:
      'The request is malformed: not JSON, a wrong type, a missing or unknown key, a value out of range. ' +
      '`issues` (when the body was JSON) say where and what kind of fault, never what was sent. Nothing was changed.',
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
  not_found: { status: 404, description: 'No such path under /api, or no such record as the path names.' },
  internal: { status: 500, description: 'The server failed (its log says why). Nothing was changed.' },
  unauthenticated: {
    status: 401,
    description:
      `No session cookie, or its session ended (${SESSION_LIFETIME}; or signed out, or the account ` +
      'disabled): sign in again. A cookie that was sent is cleared. The app keeps its outbox. Nothing was changed.',
  },
  invalid_credentials: {
    status: 401,
    description:
      'The login and password do not match (an unknown login answers the same), or an invitation code is not usable.',
  },
  too_many_attempts: {
    status: 429,
    description: `Sign-in: ${LOCKOUT}; or ${PER_ADDRESS_LIMIT}. \`Retry-After\` gives the seconds to wait.`,
  },
  device_revoked: {
    status: 403,
    description:
      'An administrator revoked this device: its sessions ended (the cookie is cleared), and the app deletes its data.',
  },
  forbidden: { status: 403, description: "The user's roles do not allow this. Nothing was changed." },
  conflict: { status: 409, description: 'It exists already, or it would leave no administrator. Nothing was changed.' },
};

/** `components.responses`: one per code, named as its body's schema is. */
export function errorResponseComponents(): JsonSchema {
  return Object.fromEntries(
    ERROR_CODES.map((code) => {
      const response = jsonResponse(describe(code, ERROR_REPLIES[code].description), errorSchema(code));
      return [
        errorComponentName(code),
        code === 'too_many_attempts' ? { ...response, headers: RETRY_AFTER } : response,
      ];
    }),
  );
}

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    required: true,
    schema: { type: 'integer', minimum: 1 },
  },
};

/**
 * An operation's refusals, one response per status, in status order: a
 * reference to the code's component when one code answers that status (its
 * description replaced by the route's note, if any), else a body that is one
 * of the codes'.
 */
export function errorResponses(notes: RefusalNotes): JsonSchema {
  const codes = ERROR_CODES.filter((code) => code in notes);
  const statuses = [...new Set(codes.map((code) => ERROR_REPLIES[code].status))].sort((a, b) => a - b);
  return Object.fromEntries(
    statuses.map((status) => {
      const shared = codes.filter((code) => ERROR_REPLIES[code].status === status);
      const meaning = (code: ErrorCode) => describe(code, notes[code] || ERROR_REPLIES[code].description);
      const [only] = shared;
      if (shared.length === 1 && only !== undefined) {
        const ref = { $ref: `#/components/responses/${errorComponentName(only)}` };
        return [String(status), notes[only] ? { ...ref, description: meaning(only) } : ref];
      }
      return [
        String(status),
        jsonResponse(shared.map(meaning).join(' '), { oneOf: shared.map((code) => errorSchema(code)) }),
      ];
    }),
  );
}

export function jsonResponse(description: string, schema: JsonSchema): JsonSchema {
  return { description, content: { 'application/json': { schema } } };
}

function errorSchema(code: ErrorCode): JsonSchema {
  return schemaRef(errorComponentName(code));
}

function describe(code: ErrorCode, meaning: string): string {
  return `\`${code}\`: ${meaning}`;
}
