import { RECOVERY_SECRET_PATTERN, type ErrorResponse, type SignInReply, type SignInRequest } from './protocol.ts';
import type { FetchLike } from './postSync.ts';

export type SignInFailure = 'invalid_credentials' | 'too_many_attempts' | 'device_revoked' | 'offline' | 'server';

export type SignInResult =
  { ok: true; session: SignInReply } | { ok: false; reason: SignInFailure; retryAfterSeconds?: number };

/** Sign-in checks a memory-hard hash on the server: give it longer than a sync page, but not forever. */
export const SESSION_TIMEOUT_MS = 30_000;

async function sessionRequest(fetchFn: FetchLike, url: string, init: RequestInit): Promise<Response | undefined> {
  try {
    // Same-origin credentials: the session cookie is set and sent only for the app's own server.
    return await fetchFn(url, { ...init, credentials: 'same-origin', signal: AbortSignal.timeout(SESSION_TIMEOUT_MS) });
  } catch {
    return undefined;
  }
}

async function errorCode(response: Response): Promise<string | undefined> {
  const body = (await response.json().catch(() => undefined)) as Partial<ErrorResponse> | undefined;
  return body?.error?.code;
}

/** `Retry-After` in seconds, or as an HTTP date (RFC 9110 allows both). */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The sign-in reply's schema, checked by hand rather than with zod (protocolSchemas.ts
 * has `recoverySecretSchema`): this runs on the first screen, which must not load zod.
 */
function isSignInReply(value: unknown): value is SignInReply {
  const info = value as Partial<SignInReply> | null;
  return (
    typeof info === 'object' &&
    info !== null &&
    typeof info.user?.id === 'string' &&
    typeof info.scope?.version === 'number' &&
    typeof info.expiresAt === 'number' &&
    typeof info.recoverySecret === 'string' &&
    RECOVERY_SECRET_PATTERN.test(info.recoverySecret)
  );
}

/** `POST /api/session`. Never throws: a network failure is `offline`, a 5xx or an unknown answer `server`. */
export async function signIn(fetchFn: FetchLike, baseUrl: string, request: SignInRequest): Promise<SignInResult> {
  const response = await sessionRequest(fetchFn, `${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response) return { ok: false, reason: 'offline' };
  if (response.status === 200) {
    const body: unknown = await response.json().catch(() => undefined);
    return isSignInReply(body) ? { ok: true, session: body } : { ok: false, reason: 'server' };
  }
  if (response.status === 401) return { ok: false, reason: 'invalid_credentials' };
  if (response.status === 429) {
    const wait = retryAfterSeconds(response.headers.get('retry-after'));
    return { ok: false, reason: 'too_many_attempts', ...(wait === undefined ? {} : { retryAfterSeconds: wait }) };
  }
  if (response.status === 403 && (await errorCode(response)) === 'device_revoked') {
    return { ok: false, reason: 'device_revoked' };
  }
  return { ok: false, reason: 'server' };
}

/** `DELETE /api/session`, best effort: true when the server confirmed it. */
export async function signOutOnServer(fetchFn: FetchLike, baseUrl: string): Promise<boolean> {
  const response = await sessionRequest(fetchFn, `${baseUrl}/api/session`, { method: 'DELETE' });
  return response !== undefined && response.ok;
}

/**
 * The limits of `POST /api/invitations/accept` (the server's acceptInvitationSchema),
 * checked on the phone first so a person hears what is wrong without a round trip.
 * The client may not import server code: tests/unit/sync/sessionApi.test.ts holds them equal.
 */
export const MIN_NEW_PASSWORD_LENGTH = 10;
export const MAX_NEW_PASSWORD_LENGTH = 256;
export const MAX_INVITATION_CODE_LENGTH = 64;

export interface AcceptInvitationRequest {
  code: string;
  password: string;
}

/** `bad_request`: the server refused the code's or password's form (its rules are stricter than the phone's). */
export type AcceptInvitationFailure =
  'invalid_credentials' | 'too_many_attempts' | 'bad_request' | 'offline' | 'server';

export type AcceptInvitationResult =
  { ok: true } | { ok: false; reason: AcceptInvitationFailure; retryAfterSeconds?: number };

/**
 * `POST /api/invitations/accept`: sets the invited person's password and spends the code.
 * It signs nobody in (sign in next with the new password). Never throws, like signIn.
 */
export async function acceptInvitation(
  fetchFn: FetchLike,
  baseUrl: string,
  request: AcceptInvitationRequest,
): Promise<AcceptInvitationResult> {
  const response = await sessionRequest(fetchFn, `${baseUrl}/api/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: request.code, password: request.password }),
  });
  if (!response) return { ok: false, reason: 'offline' };
  // Only the server's own 204: a captive portal's 200 page must not pass for a password set.
  if (response.status === 204) return { ok: true };
  if (response.status === 401) return { ok: false, reason: 'invalid_credentials' };
  if (response.status === 429) {
    const wait = retryAfterSeconds(response.headers.get('retry-after'));
    return { ok: false, reason: 'too_many_attempts', ...(wait === undefined ? {} : { retryAfterSeconds: wait }) };
  }
  if (response.status === 400) return { ok: false, reason: 'bad_request' };
  return { ok: false, reason: 'server' };
}
