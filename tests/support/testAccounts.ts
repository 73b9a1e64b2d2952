/**
 * Accounts and sessions for server tests, made through the server's own
 * account functions (src/server/accounts, src/server/auth): a test signs in
 * without paying for scrypt unless it asks for a password.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createServer } from '../../src/server/createServer.ts';
import type { AppDatabase } from '../../src/server/database/openDatabase.ts';
import { seedDemoData } from '../../src/server/seed/seedDemoData.ts';
import { assignCase } from '../../src/server/accounts/caseAssignments.ts';
import { grantRole, type RoleGrant } from '../../src/server/accounts/roles.ts';
import { createUser } from '../../src/server/accounts/users.ts';
import { hashPassword } from '../../src/server/auth/passwordHash.ts';
import { SESSION_COOKIE } from '../../src/server/auth/sessionCookie.ts';
import { openSession } from '../../src/server/auth/sessionStore.ts';
import { openFreshDatabase } from './serverTestDatabase.ts';

export interface TestAccountOptions {
  roles: readonly RoleGrant[];
  /** Cases assigned to the user (a mentor's caseload). */
  caseIds?: readonly string[];
  login?: string;
  displayName?: string;
  organisationId?: string | null;
  /** Hashed with scrypt (a third of a second); without it the user can only get a session from openTestSession. */
  password?: string;
  /** When the rows are stamped; tests that move the server clock pass the server's. */
  now?: number;
}

export interface TestAccount {
  userId: string;
  login: string;
}

export async function createTestAccount(db: AppDatabase, options: TestAccountOptions): Promise<TestAccount> {
  const now = options.now ?? Date.now();
  const login = options.login ?? `test-${randomUUID().slice(0, 8)}`;
  const passwordHash = options.password === undefined ? undefined : await hashPassword(options.password);
  return db.transaction().execute(async (trx) => {
    const { user } = await createUser(
      trx,
      null,
      {
        login,
        displayName: options.displayName ?? 'Test user',
        organisationId: options.organisationId ?? null,
        locale: 'en',
        ...(passwordHash === undefined ? {} : { passwordHash }),
      },
      now,
    );
    for (const grant of options.roles) await grantRole(trx, null, user.id, grant, now);
    for (const caseId of options.caseIds ?? []) await assignCase(trx, null, caseId, user.id, now);
    return { userId: user.id, login: user.login };
  });
}

/** A `Cookie` header value carrying a session token. */
export function sessionCookieHeader(token: string): string {
  return `${SESSION_COOKIE}=${token}`;
}

/** Signs the user in on the device as POST /api/session would after a right password; returns the Cookie header. */
export async function openTestSession(db: AppDatabase, userId: string, clientId: string, now: number): Promise<string> {
  const opened = await openSession(db, { userId, clientId }, now);
  if (opened === 'deviceRevoked') throw new Error(`device ${clientId} is revoked`);
  return sessionCookieHeader(opened.token);
}

/** The token a `Set-Cookie` header sets for the session cookie, if any. */
export function tokenFromSetCookie(header: string | string[] | number | undefined): string | undefined {
  const values = Array.isArray(header) ? header : typeof header === 'string' ? [header] : [];
  for (const value of values) {
    const match = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(value);
    if (match !== null) return match[1];
  }
  return undefined;
}

export interface AccountTestServer {
  app: FastifyInstance;
  db: AppDatabase;
  /** The server's clock: tests move `clock.now` to expire sessions and locks. */
  clock: { now: number };
  cleanup: () => Promise<void>;
}

/** The clock's start: noon UTC on a school day. */
export const ACCOUNT_TEST_START = Date.parse('2026-11-23T12:00:00.000Z');

/**
 * A real server on a fresh database with the demo data (places, students,
 * cases and the demo accounts) and a clock the test moves.
 */
export async function startAccountServer(
  options: { logStream?: NodeJS.WritableStream } = {},
): Promise<AccountTestServer> {
  const { db, drop } = await openFreshDatabase();
  const clock = { now: ACCOUNT_TEST_START };
  await seedDemoData(db, clock.now);
  const app = await createServer({
    db,
    now: () => clock.now,
    ...(options.logStream === undefined ? {} : { logger: { level: 'info', stream: options.logStream } }),
  });
  return {
    app,
    db,
    clock,
    cleanup: async () => {
      await app.close();
      await drop();
    },
  };
}

/** POST /api/session from `remoteAddress` (inject's default is 127.0.0.1). */
export function postSignIn(
  app: FastifyInstance,
  body: unknown,
  remoteAddress?: string,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(body),
    ...(remoteAddress === undefined ? {} : { remoteAddress }),
  });
}
