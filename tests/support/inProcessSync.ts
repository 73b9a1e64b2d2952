import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/createServer.ts';
import type { AppDatabase } from '../../src/server/database/openDatabase.ts';
import { seedDemoData } from '../../src/server/seed/seedDemoData.ts';
import type { FetchLike } from '../../src/sync/postSync.ts';
import { openFreshDatabase } from './serverTestDatabase.ts';

export interface InProcessServer {
  app: FastifyInstance;
  db: AppDatabase;
  /** A `fetch` that reaches the server through Fastify's inject, counting bytes both ways. */
  fetch: FetchLike;
  bytes: { sent: number; received: number };
  close: () => Promise<void>;
}

/**
 * A real server on a fresh real database (a SQLite file, or a PostgreSQL schema in
 * the `server-postgres` project), reached without sockets. `close` deletes the data.
 */
export async function startInProcessServer(options: { seed?: boolean } = {}): Promise<InProcessServer> {
  const { db, drop } = await openFreshDatabase();
  if (options.seed ?? true) await seedDemoData(db, Date.now());
  const app = await createServer({ db });
  const bytes = { sent: 0, received: 0 };
  const fetch: FetchLike = async (url, init) => {
    const body = typeof init.body === 'string' ? init.body : '';
    bytes.sent += Buffer.byteLength(body);
    const reply = await app.inject({
      method: 'POST',
      url: new URL(url, 'http://ura.test').pathname,
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    bytes.received += reply.rawPayload.length;
    return new Response(reply.body, {
      status: reply.statusCode,
      headers: { 'content-type': 'application/json' },
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
