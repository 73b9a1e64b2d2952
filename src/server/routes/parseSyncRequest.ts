import { z } from 'zod';
import {
  OLDEST_SUPPORTED_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  type ErrorResponse,
  type SyncRequest,
} from '../../sync/protocol.ts';
import { syncRequestSchema } from '../../sync/protocolSchemas.ts';
import { errorBody, type Issue } from './errorReplies.ts';

export type SyncRequestParse =
  { ok: true; request: SyncRequest } | { ok: false; status: 400 | 415 | 426; body: ErrorResponse };

/** Enough issues to find the fault; a hostile body must not make a huge reply. */
const MAX_ISSUES = 20;

const versionOnlySchema = z.object({ protocolVersion: z.number() });

/** True for `application/json`, with or without parameters such as charset. */
export function isJsonContentType(header: string | undefined): boolean {
  return header?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * Validates a sync request body. The protocol version is checked first, so an
 * app too old (or too new) for this server is told to update rather than
 * being told its request is malformed.
 */
export function parseSyncRequest(body: unknown): SyncRequestParse {
  const version = versionOnlySchema.safeParse(body);
  if (version.success && !isSupportedProtocol(version.data.protocolVersion)) {
    return { ok: false, status: 426, body: errorBody('unsupported_protocol') };
  }
  const parsed = syncRequestSchema.safeParse(body);
  if (!parsed.success) {
    return { ok: false, status: 400, body: errorBody('bad_request', describeIssues(parsed.error)) };
  }
  return { ok: true, request: parsed.data };
}

function isSupportedProtocol(version: number): boolean {
  return version >= OLDEST_SUPPORTED_PROTOCOL_VERSION && version <= PROTOCOL_VERSION;
}

/** Where and what kind of fault: never the submitted value, nor zod's message (it can quote it). */
function describeIssues(error: z.ZodError): Issue[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
  }));
}
