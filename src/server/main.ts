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
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demoAccounts.ts';
import { seedDemoData, seedMissingDemoAccounts, seedMissingDemoMap } from './seed/seedDemoData.ts';

interface ServerConfig {
  port: number;
  host: string;
  database: OpenDatabaseOptions;
  seedDemo: boolean;
  staticDir: string;
  logLevel: string;
  trustProxy: boolean | string;
  signInAttemptsPerMinute: number | undefined;
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
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    // SIGN_IN_ATTEMPTS_PER_MINUTE: per address; 20 unless set (an end-to-end suite may raise it).
    signInAttemptsPerMinute: positiveIntegerFrom(env.SIGN_IN_ATTEMPTS_PER_MINUTE),
  };
}

function positiveIntegerFrom(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`expected a positive whole number, got "${value}"`);
  return number;
}

/**
 * TRUST_PROXY: unset or "false" (clients connect directly), "true" (trust any
 * proxy), or the proxies' addresses/CIDRs ("127.0.0.1,10.0.0.0/8"), as Fastify's `trustProxy`.
 */
function trustProxyFrom(value: string | undefined): boolean | string {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  return text === 'true' ? true : text;
}

/** The demo sign-ins: logins, roles and the shared demo password; nothing else secret is ever printed. */
function printDemoSignIns(): void {
  console.log(`Demo sign-ins (password "${DEMO_PASSWORD}" for all):`);
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.login.padEnd(12)} ${account.roleSummary}`);
  console.log('The demo password is public: on a server for real data, start the first time with SEED_DEMO=false.');
}

async function start(): Promise<void> {
  const config = readConfig(process.env);
  const db = openDatabase(config.database);
  await migrateToLatest(db);
  console.log(`Data: ${describeTarget(config.database)}`);
  if (config.seedDemo && (await seedDemoData(db, Date.now()))) {
    console.log('Added demo municipalities, schools, students and accounts (set SEED_DEMO=false to skip).');
    printDemoSignIns();
  } else if (config.seedDemo && (await seedMissingDemoAccounts(db, Date.now()))) {
    console.log('This demo database had no accounts yet: added the demo accounts.');
    printDemoSignIns();
  }
  if (config.seedDemo && (await seedMissingDemoMap(db, Date.now()))) {
    console.log("This demo database had no Municipal Action Plan yet: added Ferizaj's demo plan.");
  }

  const hasClient = existsSync(join(config.staticDir, 'index.html'));
  if (!hasClient) {
    console.warn(`No built app at ${config.staticDir}: serving the API only. Run "npm run build" to build the app.`);
  }
  const app = await createServer({
    db,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    warmDashboards: true,
    ...(config.signInAttemptsPerMinute === undefined
      ? {}
      : { signInAttemptsPerMinute: config.signInAttemptsPerMinute }),
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
