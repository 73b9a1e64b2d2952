import { z } from 'zod';
import {
  OLDEST_SUPPORTED_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  type ErrorResponse,
  type SyncRequest,
} from '../../sync/protocol.ts';
import { syncRequestSchema } from '../../sync/protocolSchemas.ts';
import { errorBody, type Issue } from './errorReplies.ts';

export type SyncRequestParse =
  { ok: true; request: SyncRequest } | { ok: false; status: 400 | 415 | 426; body: ErrorResponse };

/** Enough issues to find the fault; a hostile body must not make a huge reply. */
const MAX_ISSUES = 20;
/**
 * The oldest record schema this server can upcast. Nothing older exists yet;
 * when SCHEMA_VERSION is bumped, this stays behind until upcasting is dropped.
 */
const OLDEST_SUPPORTED_SCHEMA_VERSION = 1;

const versionOnlySchema = z.object({ protocolVersion: z.number() });

/** True for `application/json`, with or without parameters such as charset. */
export function isJsonContentType(header: string | undefined): boolean {
  return header?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * Validates a sync request body. The versions are checked first, so an app too
 * old (or too new) for this server is told to update rather than being told
 * its request is malformed — and it keeps its outbox, where a 400 would make
 * it set the mutations aside as rejected.
 */
export function parseSyncRequest(body: unknown): SyncRequestParse {
  const version = versionOnlySchema.safeParse(body);
  if (version.success && !isSupportedProtocol(version.data.protocolVersion)) return unsupported();
  if (namesUnsupportedSchema(body)) return unsupported();
  const parsed = syncRequestSchema.safeParse(body);
  if (!parsed.success) return badRequest(describeIssues(parsed.error));
  const forged = mutationsFromAnotherClient(parsed.data);
  if (forged.length > 0) return badRequest(forged);
  return { ok: true, request: parsed.data };
}

function unsupported(): SyncRequestParse {
  return { ok: false, status: 426, body: errorBody('unsupported_protocol') };
}

function badRequest(issues: Issue[]): SyncRequestParse {
  return { ok: false, status: 400, body: errorBody('bad_request', issues.slice(0, MAX_ISSUES)) };
}

/** Versions are whole numbers: 1.5 lies between two supported ones, yet is none of them. */
function isSupportedProtocol(version: number): boolean {
  return Number.isInteger(version) && version >= OLDEST_SUPPORTED_PROTOCOL_VERSION && version <= PROTOCOL_VERSION;
}

function isSupportedSchema(version: number): boolean {
  return Number.isInteger(version) && version >= OLDEST_SUPPORTED_SCHEMA_VERSION && version <= SCHEMA_VERSION;
}

/**
 * A request, or any mutation in it, written under a record schema this server
 * cannot read. A newer app's fields would otherwise be refused as unknown (or
 * worse, a future shape misread as the current one).
 */
function namesUnsupportedSchema(body: unknown): boolean {
  if (!isRecord(body)) return false;
  if (typeof body.schemaVersion === 'number' && !isSupportedSchema(body.schemaVersion)) return true;
  const mutations = body.mutations;
  if (!Array.isArray(mutations)) return false;
  return mutations.some(
    (mutation) => isRecord(mutation) && typeof mutation.schema === 'number' && !isSupportedSchema(mutation.schema),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The change log names the device that made each change, and a pull skips the
 * caller's own rows: a mutation claiming another device's id would hide the
 * change from that device for good. The app always sends its own id.
 */
function mutationsFromAnotherClient(request: SyncRequest): Issue[] {
  return request.mutations.flatMap((mutation, index) =>
    mutation.clientId === request.clientId ? [] : [{ path: `mutations.${index}.clientId`, code: 'client_mismatch' }],
  );
}

/** Where and what kind of fault: never the submitted value, nor zod's message (it can quote it). */
function describeIssues(error: z.ZodError): Issue[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
  }));
}
