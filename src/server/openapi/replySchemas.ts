/**
 * zod schemas of what the server answers, for the OpenAPI description only
 * (the server never parses its own replies). protocol.ts keeps the reply
 * types as interfaces; the checks at the end make typecheck fail when a type
 * there changes and its schema here does not.
 */
import { z } from 'zod';
import { ROLES } from '../../domain/accessScope.ts';
import {
  ENTITIES,
  ERROR_CODES,
  REJECTION_CODES,
  type ErrorCode,
  type ErrorResponse,
  type HealthResponse,
  type MutationResult,
  type RejectionCode,
  type SessionInfo,
  type SignInReply,
  type SyncResponse,
} from '../../sync/protocol.ts';
import { recoverySecretSchema } from '../../sync/protocolSchemas.ts';

/** Why a mutation was rejected; a `Record` so a new code without its meaning fails typecheck. */
const REJECTION_MEANINGS: Record<RejectionCode, string> = {
  invalid_fields: 'a create lacks fields, or a field names a record the server does not hold',
  clock_ahead: "the HLC is more than an hour ahead of the server's clock; the app re-stamps and re-sends it",
  not_found: 'a set of a record the server does not hold',
  already_exists: 'a create of a record the server already holds',
  append_only: 'a set of an append-only record (caseEvent, screening, homeVisit)',
  forbidden:
    "outside what the user may write: another school's or class's record, a record type their role cannot " +
    'write, or a field their role may not see',
};

export const rejectionCodeSchema = z.enum(REJECTION_CODES).meta({
  description: `Why a mutation can never be applied: ${describeEach(REJECTION_MEANINGS)}.`,
});

export const mutationResultSchema = z.strictObject({
  id: z.string().meta({ description: 'The mutation id.' }),
  status: z.enum(['applied', 'duplicate', 'rejected']).meta({
    description: 'applied: taken now; duplicate: this id was applied before; rejected: see code.',
  }),
  code: rejectionCodeSchema.exactOptional(),
});

export const changeSchema = z.strictObject({
  entity: z.enum(ENTITIES),
  entityId: z.string(),
  fields: z.record(z.string(), z.unknown()).meta({ description: 'Field values changed since the cursor.' }),
  hlcs: z.record(z.string(), z.string()).meta({ description: 'The HLC that wrote each field in `fields`.' }),
});

export const roleSchema = z.enum(ROLES).meta({ description: 'A role; docs/accounts.md says what each sees.' });

export const accessScopeSchema = z.strictObject({
  version: z.number().int().min(0).meta({ description: 'Changes whenever anything below changes.' }),
  roles: z.array(roleSchema),
  schoolIds: z.array(z.string()).meta({ description: 'Schools whose every record the user sees.' }),
  classes: z.array(z.strictObject({ schoolId: z.string(), classKey: z.string() })).meta({
    description: "A homeroom teacher's classes: their students, screenings, cases and case events.",
  }),
  caseIds: z.array(z.string()).meta({ description: 'Cases assigned to the user or referred to their organisation.' }),
  studentIds: z.array(z.string()).meta({ description: 'The students of those cases.' }),
  municipalityIds: z
    .array(z.string())
    .exactOptional()
    .meta({ description: "A coordinator's municipalities, whose Action Plan records the user reads and writes." }),
});

export const syncResponseSchema = z.strictObject({
  results: z.array(mutationResultSchema).meta({ description: 'One result per mutation sent, in order.' }),
  changes: z.array(changeSchema).meta({ description: "Other devices' changes after the cursor, one page." }),
  nextCursor: z.number().int().min(0).meta({ description: 'The cursor for the next request.' }),
  hasMore: z.boolean().meta({ description: 'True when another page waits: sync again with nextCursor.' }),
  serverTime: z.number().int().meta({ description: "The server's clock (ms since 1970), to correct the device's." }),
  scope: accessScopeSchema.exactOptional().meta({
    description:
      "The user's access scope, when it differs from the request's scopeVersion: the app removes what fell out " +
      'of it and pulls again from cursor 0.',
  }),
});

export const issueSchema = z.strictObject({
  path: z.string().meta({ description: 'Where in the body, dot-separated (e.g. "mutations.3.fields.grade").' }),
  code: z.string().meta({
    description:
      "zod's issue code; or client_mismatch (sync); or, in administration, not_found (the place or organisation " +
      'named is not stored), required or not_allowed (a school organisation names its school, no other kind ' +
      'does). Never the submitted value.',
  }),
});

export const errorCodeSchema = z.enum(ERROR_CODES);

export const errorResponseSchema = z.strictObject({
  error: z.strictObject({ code: errorCodeSchema, issues: z.array(issueSchema).exactOptional() }),
});

/**
 * The body of one refusal: its code is fixed. Only `bad_request` carries
 * issues, and only when the body was JSON (a capped list, so a hostile body
 * cannot make a huge reply).
 */
export function errorReplySchemaFor(code: ErrorCode) {
  const error =
    code === 'bad_request'
      ? z.strictObject({ code: z.literal(code), issues: z.array(issueSchema).exactOptional() })
      : z.strictObject({ code: z.literal(code) });
  return z.strictObject({ error });
}

export const healthResponseSchema = z.strictObject({
  status: z.literal('ok'),
  protocolVersion: z.number().int(),
  serverTime: z.number().int(),
});

export const sessionUserSchema = z.strictObject({
  id: z.string(),
  login: z.string().meta({ description: 'Lower-case, as stored.' }),
  displayName: z.string(),
  organisationId: z.string().nullable(),
});

export const sessionInfoSchema = z.strictObject({
  user: sessionUserSchema,
  scope: accessScopeSchema,
  expiresAt: z.number().int().meta({
    description: 'When the session ends unless used again (ms since 1970); each use renews it.',
  }),
});

export const signInReplySchema = sessionInfoSchema.extend({
  recoverySecret: recoverySecretSchema.meta({
    description:
      "This device's recovery secret: 32 random bytes, base64url. The same each time the same person signs in on " +
      'the device; a new one after the device is signed out or another person signs in on it. No other reply ' +
      'carries it.',
  }),
});

function describeEach(meanings: Readonly<Record<string, string>>): string {
  return Object.entries(meanings)
    .map(([code, meaning]) => `\`${code}\`, ${meaning}`)
    .join('; ');
}

// Compile-time checks that each schema and its protocol.ts type agree both ways.
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const syncResponseMatches: Same<z.output<typeof syncResponseSchema>, SyncResponse> = true;
const mutationResultMatches: Same<z.output<typeof mutationResultSchema>, MutationResult> = true;
const errorResponseMatches: Same<z.output<typeof errorResponseSchema>, ErrorResponse> = true;
const healthResponseMatches: Same<z.output<typeof healthResponseSchema>, HealthResponse> = true;
const sessionInfoMatches: Same<z.output<typeof sessionInfoSchema>, SessionInfo> = true;
const signInReplyMatches: Same<z.output<typeof signInReplySchema>, SignInReply> = true;
// Each refusal's body is one ErrorResponse.
const errorReplyIsErrorResponse: z.output<ReturnType<typeof errorReplySchemaFor>> extends ErrorResponse ? true : false =
  true;
void syncResponseMatches;
void mutationResultMatches;
void errorResponseMatches;
void healthResponseMatches;
void sessionInfoMatches;
void signInReplyMatches;
void errorReplyIsErrorResponse;
