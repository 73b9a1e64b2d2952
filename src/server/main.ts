/**
 * Starts Ura: migrates the database, seeds demo data on first start, serves
 * the API and the built app. Configuration comes from the environment only.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from './createServer.ts';
import { migrateToLatest } from './database/migrateToLatest.ts';
import {
  databaseTargetFromEnv,
  describeTarget,
  openDatabase,
  type OpenDatabaseOptions,
} from './database/openDatabase.ts';
import { seedDemoData } from './seed/seedDemoData.ts';

interface ServerConfig {
  port: number;
  host: string;
  database: OpenDatabaseOptions;
  seedDemo: boolean;
  staticDir: string;
  logLevel: string;
}

function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    database: databaseTargetFromEnv(env, resolve(env.DATA_DIR ?? './data')),
    seedDemo: env.SEED_DEMO !== 'false',
    // main.js compiles to dist/server/server/, the client builds to dist/client/.
    staticDir: fileURLToPath(new URL('../../client', import.meta.url)),
    logLevel: env.LOG_LEVEL ?? 'warn',
  };
}

async function start(): Promise<void> {
  const config = readConfig(process.env);
  const db = openDatabase(config.database);
  await migrateToLatest(db);
  console.log(`Data: ${describeTarget(config.database)}`);
  if (config.seedDemo && (await seedDemoData(db, Date.now()))) {
    console.log('Added demo municipalities, schools and students (set SEED_DEMO=false to skip).');
  }

  const hasClient = existsSync(join(config.staticDir, 'index.html'));
  if (!hasClient) {
    console.warn(`No built app at ${config.staticDir}: serving the API only. Run "npm run build" to build the app.`);
  }
  const app = await createServer({
    db,
    logger: { level: config.logLevel },
    ...(hasClient ? { staticDir: config.staticDir } : {}),
  });

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, stopping Ura…`);
    await app.close();
    await db.destroy();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop(signal).catch((error: unknown) => {
        console.error('Ura did not stop cleanly:', error);
        process.exitCode = 1;
      });
    });
  }

  await app.listen({ port: config.port, host: config.host });
  const port = portOf(app.server.address()) ?? config.port;
  console.log(`Ura is running at http://localhost:${port}`);
  console.log(
    'To try it offline: open it once in the browser, then stop this server (Ctrl+C) or turn the network off in DevTools, and reload.',
  );
}

function portOf(address: string | { port: number } | null): number | undefined {
  return typeof address === 'object' && address !== null ? address.port : undefined;
}

start().catch((error: unknown) => {
  console.error('Ura could not start:', error);
  process.exitCode = 1;
});
