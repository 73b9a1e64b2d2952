/**
 * The sync wire protocol, shared by the app and the server (the only module of
 * the client the server may import). One round trip: the client sends its
 * pending mutations and its cursor; the reply carries a result per mutation,
 * the changes since the cursor, the next cursor, `hasMore` and the server time.
 * See docs/sync.md.
 */
// Type-only: the app's first screen must not load zod (see protocolSchemas.ts).
import type { z } from 'zod';
import type { AccessScope } from '../domain/accessScope.ts';
import type { mutationSchema, syncRequestSchema } from './protocolSchemas.ts';

/**
 * Bumped when the shape of requests or replies changes. 2: `set` mutations
 * carry `base` stamps, and replies carry `conflict` records (a version-1 app
 * has no table for them, so the server leaves them out of its pulls). 3:
 * replies carry the Municipal Action Plan's records (MAP_ENTITIES), which
 * older apps have no tables for either.
 */
export const PROTOCOL_VERSION = 3;
/** Bumped when a record type gains or changes fields. */
export const SCHEMA_VERSION = 1;
/** The server also accepts this many versions back and upcasts them. */
export const OLDEST_SUPPORTED_PROTOCOL_VERSION = 1;

export const MAX_MUTATIONS_PER_REQUEST = 200;
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Changed fields per pull page. The app asks for the most: a first sync of a
 * 2,000-case caseload is about 370,000 fields, and each page is a round trip
 * (long on a rural link) and a transaction on the phone. A page of 5,000 is
 * about 40 KB compressed.
 */
export const MAX_PULL_LIMIT = 5000;
/** For a request that names no limit (older apps asked for 500). */
export const DEFAULT_PULL_LIMIT = 500;
/** A timestamp further ahead of the server clock than this comes from a wrong device clock. */
export const MAX_CLOCK_AHEAD_MS = 60 * 60 * 1000;

/**
 * Record types that travel through sync. Reference data is written by the
 * server only. caseEvent, screening and homeVisit are append-only (see
 * ENTITY_RULES in protocolSchemas.ts).
 */
export const CLIENT_WRITABLE_ENTITIES = [
  'student',
  'case',
  'caseEvent',
  'screening',
  'homeVisit',
  'planAction',
  'referral',
  'mapPlan',
  'mapGoal',
  'mapActivity',
  'mapProgress',
] as const;
/** The Municipal Action Plan's records (src/domain/map): placed by municipality, read and written by its coordinators. */
export const MAP_ENTITIES = ['mapPlan', 'mapGoal', 'mapActivity', 'mapProgress'] as const;
export type MapEntity = (typeof MAP_ENTITIES)[number];
export type ClientWritableEntity = (typeof CLIENT_WRITABLE_ENTITIES)[number];
/**
 * A same-field clash the server recorded (see docs/sync.md, "Conflicts"). The
 * server creates these; a device may only `set` the user's choice on one.
 */
export const CONFLICT_ENTITY = 'conflict';
export type MutationEntity = ClientWritableEntity | typeof CONFLICT_ENTITY;
export const ENTITIES = [...CLIENT_WRITABLE_ENTITIES, CONFLICT_ENTITY, 'school', 'municipality'] as const;
export type Entity = (typeof ENTITIES)[number];
/** Record types whose fields can clash: the mutable ones a device edits with `set`. */
export const CLASHING_ENTITIES = ['student', 'case', 'planAction', 'referral'] as const;
export type ClashingEntity = (typeof CLASHING_ENTITIES)[number];

export type Mutation = z.infer<typeof mutationSchema>;
export type SyncRequest = z.infer<typeof syncRequestSchema>;

/**
 * applied: the server took it; duplicate: it had already been applied (a retry);
 * rejected: it can never be applied, and `code` says why. Either way the
 * mutation leaves the outbox, so a bad item never blocks the queue.
 */
export type MutationStatus = 'applied' | 'duplicate' | 'rejected';
/**
 * `forbidden`: outside what the user may write (docs/accounts.md): another
 * school's record, a field their role may not see, a role that cannot make it.
 */
export const REJECTION_CODES = [
  'invalid_fields',
  'clock_ahead',
  'not_found',
  'already_exists',
  'append_only',
  'forbidden',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface MutationResult {
  id: string;
  status: MutationStatus;
  code?: RejectionCode;
}

/** Field values of one record changed since the cursor, each with the HLC that wrote it. */
export interface Change {
  entity: Entity;
  entityId: string;
  fields: Record<string, unknown>;
  hlcs: Record<string, string>;
}

export interface SyncResponse {
  results: MutationResult[];
  changes: Change[];
  nextCursor: number;
  hasMore: boolean;
  serverTime: number;
  /**
   * The user's access scope, sent when it differs from the request's
   * `scopeVersion`. The app then removes from the phone what fell out of it
   * and pulls again from cursor 0 to receive what came into it.
   */
  scope?: AccessScope;
}

/** Stable error codes of a refused request; the app translates them, the server never sends prose. */
export const ERROR_CODES = [
  'bad_request',
  'payload_too_large',
  'unsupported_protocol',
  'unsupported_media_type',
  'not_found',
  'internal',
  // Accounts (docs/accounts.md): 401 no or expired session, 401 wrong login or
  // password, 429 too many sign-in attempts, 403 this device was revoked, 403
  // the user's role may not do this.
  'unauthenticated',
  'invalid_credentials',
  'too_many_attempts',
  'device_revoked',
  'forbidden',
  'conflict',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorResponse {
  error: { code: ErrorCode; issues?: { path: string; code: string }[] };
}

export interface HealthResponse {
  status: 'ok';
  protocolVersion: number;
  serverTime: number;
}

/** `POST /api/session`: online sign-in of one person on one device. */
export interface SignInRequest {
  login: string;
  password: string;
  /** The device's sync client id: the session is bound to it, and revoking it ends the session. */
  clientId: string;
}

export interface SessionUser {
  id: string;
  login: string;
  displayName: string;
  organisationId: string | null;
}

/** The reply to `GET /api/session`; sign-in's adds the device's recovery secret (SignInReply). */
export interface SessionInfo {
  user: SessionUser;
  scope: AccessScope;
  /** Epoch milliseconds when the session ends unless used again (each use renews it). */
  expiresAt: number;
}

/** A recovery secret: 32 random bytes, base64url without padding. */
export const RECOVERY_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The reply to `POST /api/session` (a password sign-in), and to nothing else. */
export interface SignInReply extends SessionInfo {
  /**
   * This device's recovery secret (docs/accounts.md): the same each time the
   * same person signs in on it, until it is revoked, signed out, or another
   * person signs in on it. The phone wraps its data key with it, so a password
   * sign-in recovers the key after too many wrong PINs. Keep it only wrapped;
   * never store or log it as it is.
   */
  recoverySecret: string;
}
