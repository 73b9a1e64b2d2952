/**
 * The administration API, called online: administration is done at the
 * office, and an administrator keeps nothing of it on the phone. Every call
 * resolves to a result and never throws; a refusal is a problem the screens
 * put in words (AdminProblemText).
 */
import type { ErrorResponse } from '../../sync/protocol.ts';
import { APP_SERVER } from '../account/appServer.ts';
import type {
  CreatedUser,
  DeviceSummary,
  Invitation,
  NewOrganisation,
  NewUser,
  Organisation,
  RoleAssignment,
  RoleGrant,
  UserSummary,
} from './adminTypes.ts';

/** A field the server did not accept: where (`login`, `schoolId`…) and what kind of fault (`required`, `not_found`…). */
export interface FieldIssue {
  path: string;
  code: string;
}

/**
 * `offline`: no answer. `invalid`: 400, with the fields named. `conflict`: 409
 * (a taken login, a role already held, the last administrator). `notFound`:
 * 404. `forbidden`: 403. `signedOut`: 401, the session ended. `revoked`: this
 * phone was revoked. `server`: a 5xx or an answer that is not the API's.
 */
export type AdminProblem =
  | { kind: 'offline' | 'conflict' | 'notFound' | 'forbidden' | 'signedOut' | 'revoked' | 'server' }
  | { kind: 'invalid'; issues: readonly FieldIssue[] };

export type AdminResult<T> = { ok: true; value: T } | { ok: false; problem: AdminProblem };

/** As long as sign-in: a request may wait on a busy server, but not forever. */
const ADMIN_TIMEOUT_MS = 30_000;

interface Call<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** The one status that means done (a captive portal's 200 must not pass for a 201). */
  expect: 200 | 201 | 204;
  /** The value in the reply's body, or undefined when it is not what the API sends. */
  read: (body: Record<string, unknown>) => T | undefined;
}

async function problemOf(response: Response): Promise<AdminProblem> {
  const body = (await response.json().catch(() => undefined)) as Partial<ErrorResponse> | undefined;
  const code = body?.error?.code;
  switch (response.status) {
    case 400:
      return { kind: 'invalid', issues: body?.error?.issues ?? [] };
    case 401:
      return { kind: 'signedOut' };
    case 403:
      return { kind: code === 'device_revoked' ? 'revoked' : 'forbidden' };
    case 404:
      return { kind: 'notFound' };
    case 409:
      return { kind: 'conflict' };
    default:
      return { kind: 'server' };
  }
}

async function call<T>({ method, path, body, expect, read }: Call<T>): Promise<AdminResult<T>> {
  let response: Response;
  try {
    response = await APP_SERVER.fetch(`${APP_SERVER.baseUrl}${path}`, {
      method,
      credentials: 'same-origin',
      signal: AbortSignal.timeout(ADMIN_TIMEOUT_MS),
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, problem: { kind: 'offline' } };
  }
  // An ended session or a revoked phone is only reported here: the sync loop, which owns what they mean for
  // the device (sign in again; wipe), finds out at its next run. Calling it from here would split the sync
  // code out of the shell's first-load chunk for everyone (scripts/checkBundleBudget.mjs).
  if (response.status !== expect) return { ok: false, problem: await problemOf(response) };
  if (expect === 204) return { ok: true, value: undefined as T };
  const json: unknown = await response.json().catch(() => undefined);
  const value = typeof json === 'object' && json !== null ? read(json as Record<string, unknown>) : undefined;
  return value === undefined ? { ok: false, problem: { kind: 'server' } } : { ok: true, value };
}

function listIn<T>(key: string): (body: Record<string, unknown>) => T[] | undefined {
  return (body) => (Array.isArray(body[key]) ? (body[key] as T[]) : undefined);
}

function objectIn<T>(key: string): (body: Record<string, unknown>) => T | undefined {
  return (body) => (typeof body[key] === 'object' && body[key] !== null ? (body[key] as T) : undefined);
}

const segment = encodeURIComponent;

export function fetchOrganisations(): Promise<AdminResult<Organisation[]>> {
  return call({ method: 'GET', path: '/api/organisations', expect: 200, read: listIn('organisations') });
}

export function createOrganisation(input: NewOrganisation): Promise<AdminResult<Organisation>> {
  return call({
    method: 'POST',
    path: '/api/organisations',
    body: input,
    expect: 201,
    read: objectIn('organisation'),
  });
}

export function fetchUsers(): Promise<AdminResult<UserSummary[]>> {
  return call({ method: 'GET', path: '/api/users', expect: 200, read: listIn('users') });
}

export function createUser(input: NewUser): Promise<AdminResult<CreatedUser>> {
  return call({
    method: 'POST',
    path: '/api/users',
    body: input,
    expect: 201,
    read: (body) => {
      const user = objectIn<UserSummary>('user')(body);
      const invitation = objectIn<Invitation>('invitation')(body);
      return user === undefined ? undefined : { user, ...(invitation === undefined ? {} : { invitation }) };
    },
  });
}

/** A new code for someone who lost theirs or forgot their password; earlier codes stay valid until they expire. */
export function createInvitation(userId: string): Promise<AdminResult<Invitation>> {
  return call({
    method: 'POST',
    path: `/api/users/${segment(userId)}/invitations`,
    expect: 201,
    read: objectIn('invitation'),
  });
}

export function grantRole(userId: string, grant: RoleGrant): Promise<AdminResult<RoleAssignment>> {
  return call({
    method: 'POST',
    path: `/api/users/${segment(userId)}/roles`,
    body: grant,
    expect: 201,
    read: objectIn('roleAssignment'),
  });
}

export function revokeRole(userId: string, roleAssignmentId: string): Promise<AdminResult<void>> {
  return call({
    method: 'DELETE',
    path: `/api/users/${segment(userId)}/roles/${segment(roleAssignmentId)}`,
    expect: 204,
    read: () => undefined,
  });
}

export function fetchDevices(userId: string): Promise<AdminResult<DeviceSummary[]>> {
  return call({ method: 'GET', path: `/api/users/${segment(userId)}/devices`, expect: 200, read: listIn('devices') });
}

/** Ends the phone's sessions now; at its next request it is told, and deletes Ura's data. */
export function revokeDevice(clientId: string): Promise<AdminResult<void>> {
  return call({ method: 'POST', path: `/api/devices/${segment(clientId)}/revoke`, expect: 204, read: () => undefined });
}

/** `PUT` gives the case to the mentor, `DELETE` takes it away; only the school team or principal of its school may. */
export function changeCaseAssignee(
  change: 'give' | 'take',
  caseId: string,
  userId: string,
): Promise<AdminResult<void>> {
  return call({
    method: change === 'give' ? 'PUT' : 'DELETE',
    path: `/api/cases/${segment(caseId)}/assignees/${segment(userId)}`,
    expect: 204,
    read: () => undefined,
  });
}
