/**
 * A real server (demo-seeded, fresh database, clock the test can move) for
 * the app's account, scope and sign-out code, and phones that reach it
 * without sockets: each phone keeps its own `ura_session` cookie as a
 * browser does on the app's origin, and can be switched offline. Accounts are
 * made with the server's own account functions, as the admin API does.
 */
import type { FastifyInstance } from 'fastify';
import { assignCase } from '../../src/server/accounts/caseAssignments.ts';
import { grantRole, type RoleGrant } from '../../src/server/accounts/roles.ts';
import { createUser } from '../../src/server/accounts/users.ts';
import { hashPassword } from '../../src/server/auth/passwordHash.ts';
import { createServer } from '../../src/server/createServer.ts';
import type { AppDatabase } from '../../src/server/database/openDatabase.ts';
import { seedDemoData } from '../../src/server/seed/seedDemoData.ts';
import { saveSignIn } from '../../src/storage/accountRepository.ts';
import { getClientId } from '../../src/storage/syncMeta.ts';
import type { UraDatabase } from '../../src/storage/UraDatabase.ts';
import type { FetchLike } from '../../src/sync/postSync.ts';
import { signIn } from '../../src/sync/sessionApi.ts';
import { openFreshDatabase } from './serverTestDatabase.ts';

export const PHONE_PASSWORD = 'phone-password-2027';

export interface Phone {
  fetch: FetchLike;
  /** The session cookie this phone holds, if any. */
  cookie: () => string | undefined;
  /** While true, every request fails as a browser's fetch does with no network. */
  setOffline: (offline: boolean) => void;
  /** Requests that reached the server, as `METHOD /path`. */
  requests: string[];
}

export interface SessionServer {
  app: FastifyInstance;
  db: AppDatabase;
  /** The server clock; move it to expire sessions. */
  clock: { now: number };
  phone: () => Phone;
  /** A user who can sign in with PHONE_PASSWORD, holding `roles` and the cases given. Returns the user id. */
  createAccount: (login: string, roles: RoleGrant[], caseIds?: string[]) => Promise<string>;
  close: () => Promise<void>;
}

let passwordHash: Promise<string> | undefined;

function payloadOf(body: RequestInit['body']): string | Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new Error('the test phone sends strings and bytes only');
}

/** The cookie left after a reply: the new session, or none once the server cleared it. */
function cookieAfter(setCookie: string | string[] | undefined, before: string | undefined): string | undefined {
  let jar = before;
  for (const line of setCookie === undefined ? [] : [setCookie].flat()) {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const [name, value = ''] = pair.split('=');
    if (name !== 'ura_session') continue;
    const cleared = value === '' || attributes.some((attribute) => /^max-age=0$/i.test(attribute));
    jar = cleared ? undefined : `ura_session=${value}`;
  }
  return jar;
}

function makePhone(app: FastifyInstance): Phone {
  let cookie: string | undefined;
  let offline = false;
  const requests: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    if (offline) throw new TypeError('Failed to fetch');
    const path = new URL(url, 'http://ura.test').pathname;
    const method = (init.method ?? 'GET') as 'GET';
    requests.push(`${method} ${path}`);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    if (cookie !== undefined) headers.cookie = cookie;
    const payload = payloadOf(init.body);
    const reply = await app.inject({ method, url: path, headers, ...(payload === undefined ? {} : { payload }) });
    cookie = cookieAfter(reply.headers['set-cookie'], cookie);
    const replyHeaders = new Headers();
    for (const [name, value] of Object.entries(reply.headers))
      if (typeof value === 'string' || typeof value === 'number') replyHeaders.set(name, String(value));
    const empty = reply.statusCode === 204;
    return new Response(empty ? null : new Uint8Array(reply.rawPayload), {
      status: reply.statusCode,
      headers: replyHeaders,
    });
  };
  return { fetch, cookie: () => cookie, setOffline: (value) => void (offline = value), requests };
}

export async function startSessionServer(): Promise<SessionServer> {
  const { db, drop } = await openFreshDatabase();
  const clock = { now: Date.now() };
  await seedDemoData(db, clock.now);
  const app = await createServer({ db, now: () => clock.now });
  passwordHash ??= hashPassword(PHONE_PASSWORD);
  const createAccount = async (login: string, roles: RoleGrant[], caseIds: string[] = []): Promise<string> => {
    const input = { login, displayName: `Test ${login}`, organisationId: null, locale: 'en' as const };
    const { user } = await createUser(db, null, { ...input, passwordHash: await passwordHash }, clock.now);
    for (const grant of roles) await grantRole(db, null, user.id, grant, clock.now);
    for (const caseId of caseIds) await assignCase(db, null, caseId, user.id, clock.now);
    return user.id;
  };
  return {
    app,
    db,
    clock,
    phone: () => makePhone(app),
    createAccount,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** Signs `device` in through `phone` as `login` (PHONE_PASSWORD) and keeps the sign-in, as the sign-in screen does. */
export async function signInDevice(
  server: SessionServer,
  phone: Phone,
  device: UraDatabase,
  login: string,
): Promise<void> {
  const clientId = await getClientId(device);
  const result = await signIn(phone.fetch, '', { login, password: PHONE_PASSWORD, clientId });
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  await saveSignIn(device, result.session, server.clock.now);
}
