import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/createServer.ts';
import { migrateToLatest } from '../../src/server/database/migrateToLatest.ts';
import { openDatabase, type AppDatabase } from '../../src/server/database/openDatabase.ts';
import { seedDemoData } from '../../src/server/seed/seedDemoData.ts';
import type { FetchLike } from '../../src/sync/postSync.ts';

export interface InProcessServer {
  app: FastifyInstance;
  db: AppDatabase;
  /** A `fetch` that reaches the server through Fastify's inject, counting bytes both ways. */
  fetch: FetchLike;
  bytes: { sent: number; received: number };
  close: () => Promise<void>;
}

/** A real server on a real SQLite file in a temp dir, reached without sockets. */
export async function startInProcessServer(options: { seed?: boolean } = {}): Promise<InProcessServer> {
  const db = openDatabase({ file: join(mkdtempSync(join(tmpdir(), 'ura-sync-')), 'ura.sqlite') });
  await migrateToLatest(db);
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
      await db.destroy();
    },
  };
}
