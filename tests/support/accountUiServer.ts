/**
 * A real server on a fresh demo-seeded database (demo login `team` /
 * `ura-demo-2026`) for the sign-in and sign-out screens, reached without
 * sockets through a `fetch` that behaves like a browser's on the app's origin:
 * it keeps the `ura_session` cookie the server sets and sends it back to
 * `/api`, passes methods, headers and (gzipped) bodies through, and can be
 * switched offline.
 */
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/createServer.ts';
import type { AppDatabase } from '../../src/server/database/openDatabase.ts';
import { seedDemoData } from '../../src/server/seed/seedDemoData.ts';
import type { FetchLike } from '../../src/sync/postSync.ts';
import { openFreshDatabase } from './serverTestDatabase.ts';

export const DEMO_LOGIN = 'team';
export const DEMO_PASSWORD = 'ura-demo-2026';
export const DEMO_DISPLAY_NAME = 'Demo school team';

export interface AccountServer {
  app: FastifyInstance;
  db: AppDatabase;
  fetch: FetchLike;
  /** Every request that reached the server, as `METHOD /path` (the query left out). */
  requests: string[];
  /** While true, every request fails as a browser's fetch does with no network. */
  setOffline: (offline: boolean) => void;
  /** The session cookie the "browser" holds now, if any. */
  cookie: () => string | undefined;
  close: () => Promise<void>;
}

function headersOf(init: RequestInit): Record<string, string> {
  return Object.fromEntries(new Headers(init.headers).entries());
}

function payloadOf(body: RequestInit['body']): string | Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new Error('the test fetch sends strings and bytes only');
}

/** The session cookie a Set-Cookie header leaves in the jar: its value, or undefined once cleared. */
function cookieAfter(setCookie: string | string[] | undefined, before: string | undefined): string | undefined {
  const lines = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  let jar = before;
  for (const line of lines) {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const [name, value = ''] = pair.split('=');
    if (name !== 'ura_session') continue;
    const expired = attributes.some(
      (attribute) => /^max-age=0$/i.test(attribute) || /^expires=.*1970/i.test(attribute),
    );
    jar = value === '' || expired ? undefined : `ura_session=${value}`;
  }
  return jar;
}

export async function startAccountServer(): Promise<AccountServer> {
  const { db, drop } = await openFreshDatabase();
  await seedDemoData(db, Date.now());
  const app = await createServer({ db });
  const requests: string[] = [];
  let offline = false;
  let cookie: string | undefined;
  const fetch: FetchLike = async (url, init) => {
    if (offline) throw new TypeError('Failed to fetch');
    const { pathname: path, search } = new URL(url, 'http://ura.test');
    const method = init.method ?? 'GET';
    requests.push(`${method} ${path}`);
    const headers = headersOf(init);
    if (cookie !== undefined && path.startsWith('/api')) headers.cookie = cookie;
    const payload = payloadOf(init.body);
    const reply = await app.inject({
      method: method as 'GET',
      url: `${path}${search}`,
      headers,
      ...(payload ? { payload } : {}),
    });
    cookie = cookieAfter(reply.headers['set-cookie'], cookie);
    const replyHeaders = new Headers();
    for (const [name, value] of Object.entries(reply.headers)) {
      if (typeof value === 'string' || typeof value === 'number') replyHeaders.set(name, String(value));
    }
    const empty = reply.statusCode === 204 || reply.statusCode === 304;
    return new Response(empty ? null : new Uint8Array(reply.rawPayload), {
      status: reply.statusCode,
      headers: replyHeaders,
    });
  };
  return {
    app,
    db,
    fetch,
    requests,
    setOffline: (value) => {
      offline = value;
    },
    cookie: () => cookie,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
