import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/createServer.ts';
import type { AppDatabase } from '../../src/server/database/openDatabase.ts';
import { DEMO_USER_IDS } from '../../src/server/seed/demoAccounts.ts';
import { seedDemoData } from '../../src/server/seed/seedDemoData.ts';
import type { FetchLike } from '../../src/sync/postSync.ts';
import { openFreshDatabase } from './serverTestDatabase.ts';
import { cookieForBody, signInTestClients } from './serverFixtures.ts';
import { sessionCookieHeader, tokenFromSetCookie } from './testAccounts.ts';

export interface InProcessServer {
  app: FastifyInstance;
  db: AppDatabase;
  /**
   * A `fetch` that reaches the server through Fastify's inject, counting bytes
   * both ways. Like the browser's cookie jar, it sends each device's session:
   * a sync carries the cookie of its body's clientId (the demo `team` account,
   * signed in on first use, or whoever signed in on that device through
   * POST /api/session). A request that sets its own Cookie header is sent as it is.
   */
  fetch: FetchLike;
  bytes: { sent: number; received: number };
  close: () => Promise<void>;
}

/** Statuses whose reply has no body (a Response refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * A real server on a fresh real database (a SQLite file, or a PostgreSQL schema in
 * the `server-postgres` project), reached without sockets. `close` deletes the data.
 */
export async function startInProcessServer(options: { seed?: boolean } = {}): Promise<InProcessServer> {
  const { db, drop } = await openFreshDatabase();
  const seeded = options.seed ?? true;
  if (seeded) await seedDemoData(db, Date.now());
  const app = await createServer({ db });
  // Without the seed there is no `team` account: syncs go without a cookie (and get 401).
  if (seeded) signInTestClients(app, db, { userId: DEMO_USER_IDS.team, now: Date.now });
  /** Sessions the app itself signed in (POST /api/session), by device. */
  const signedIn = new Map<string, string>();
  const bytes = { sent: 0, received: 0 };
  const fetch: FetchLike = async (url, init) => {
    const body = typeof init.body === 'string' ? init.body : '';
    const path = new URL(url, 'http://ura.test').pathname;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    if (body !== '' && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
    if (path === '/api/sync' && headers.cookie === undefined) {
      const clientId = clientIdIn(body);
      const cookie = (clientId === undefined ? undefined : signedIn.get(clientId)) ?? (await cookieForBody(app, body));
      if (cookie !== undefined) headers.cookie = cookie;
    }
    bytes.sent += Buffer.byteLength(body);
    const reply = await app.inject({ method: init.method ?? 'GET', url: path, headers, payload: body });
    bytes.received += reply.rawPayload.length;
    const token = tokenFromSetCookie(reply.headers['set-cookie']);
    const clientId = clientIdIn(body);
    if (path === '/api/session' && token !== undefined && token !== '' && clientId !== undefined) {
      signedIn.set(clientId, sessionCookieHeader(token));
    }
    const replyHeaders: Record<string, string> = { 'content-type': 'application/json' };
    const retryAfter = reply.headers['retry-after'];
    if (retryAfter !== undefined) replyHeaders['retry-after'] = String(retryAfter);
    return new Response(NULL_BODY_STATUSES.has(reply.statusCode) ? null : reply.body, {
      status: reply.statusCode,
      headers: replyHeaders,
    });
  };
  return {
    app,
    db,
    fetch,
    bytes,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

function clientIdIn(body: string): string | undefined {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === 'object' && value !== null && 'clientId' in value && typeof value.clientId === 'string') {
      return value.clientId;
    }
  } catch {
    // not JSON: no device to name
  }
  return undefined;
}
