import { v7 as uuidv7 } from 'uuid';
import { platformFetch, type FetchLike } from '../../../src/sync/postSync.ts';
import { DEMO_PASSWORD } from './signIn.ts';

/** The demo school Arbër and the other journeys' students attend (src/server/seed/demoPlaces.ts). */
export const FERIZAJ_AHMET_HOXHA = '20000000-0000-4000-8000-000000000001';

/** Signs `login` in over HTTP for a throwaway device and returns the session cookie. */
export async function sessionCookie(url: string, login: string, clientId = uuidv7()): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD, clientId }),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('ura_session='));
  if (!response.ok || cookie === undefined) throw new Error(`sign-in of ${login} answered ${response.status}`);
  return cookie.split(';')[0] ?? '';
}

/** A fetch carrying the session of `login`, signed in for the device `clientId`. */
export async function signedInFetch(url: string, login: string, clientId: string): Promise<FetchLike> {
  const session = await sessionCookie(url, login, clientId);
  return (target, init) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', session);
    return platformFetch(target, { ...init, headers });
  };
}

async function call(url: string, path: string, body: unknown, cookie?: string): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (cookie !== undefined) headers.cookie = cookie;
  const response = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** A role as the administration API grants it (src/server/accounts/accountSchemas.ts). */
export type RoleGrant =
  | { role: 'schoolTeam'; schoolId: string }
  | { role: 'teacher'; schoolId: string; classKey: string }
  | { role: 'mentor' };

/**
 * Creates an account as an administrator does — a user, a role, a one-time
 * invitation code — and accepts the invitation as its person does, with the
 * demo password, so a journey can sign them in.
 */
export async function createAccount(url: string, login: string, displayName: string, grant: RoleGrant): Promise<void> {
  const admin = await sessionCookie(url, 'admin');
  const created = (await call(
    url,
    '/api/users',
    { login, displayName, organisationId: null, locale: 'en' },
    admin,
  )) as {
    user: { id: string };
    invitation: { code: string };
  };
  await call(url, `/api/users/${created.user.id}/roles`, grant, admin);
  await call(url, '/api/invitations/accept', { code: created.invitation.code, password: DEMO_PASSWORD });
}

/** Revokes a device as an administrator does for a lost phone. */
export async function revokeDevice(url: string, clientId: string): Promise<void> {
  const admin = await sessionCookie(url, 'admin');
  const response = await fetch(`${url}/api/devices/${clientId}/revoke`, { method: 'POST', headers: { cookie: admin } });
  if (response.status !== 204) throw new Error(`revoking answered ${response.status}`);
}
