// Sync figures of `npm run bench` (issue 4), against the built app and server (run `npm run build`
// first; bench.mjs imports this after its own figures). Run alone: `npm run bench:sync` or
// `node scripts/benchSync.mjs`. docs/benchmarks.md ("Sync figures") explains every figure.
//  1. First sync: a server SQLite file seeded with 2,000 cases (10,000 visit notes) through the
//     server's write path; the real app in Debian's Chromium on an empty profile pulls it all, on
//     loopback and under an emulated slow mobile link. Time-boxed so the whole run stays under
//     3 minutes; URA_BENCH_SYNC_FULL=1 lets the loopback run go to the end (it takes minutes).
//     URA_BENCH_SYNC_ONLY=first-sync or =concurrency runs one part alone.
//  2. Concurrency: 1,000 simulated devices syncing at once against SQLite and against PostgreSQL
//     (a throwaway cluster from scripts/withPostgres.sh, skipped when PostgreSQL is not installed),
//     twice per engine on a fresh database each: all signed in as one school team (the worst case:
//     each pulls everyone's writes), then as 1,000 CSO mentors, each with its own case; and, with
//     the school team, an idle pull's requests/s against a bare Fastify route's.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { makeDevices, POPULATIONS, signInDevices } from './benchSyncDevices.mjs';
import { measureFirstSync, profileFolder } from './benchSyncFirstSync.mjs';
import { measureConcurrency } from './benchSyncLoad.mjs';
import { caseloadShape, measureStorageFloor } from './benchSyncStorageFloor.mjs';
import {
  count,
  load,
  printConcurrency,
  printFirstSync,
  printPage,
  printSeed,
  printStorageFloor,
  printWireFloor,
} from './benchSyncPrint.mjs';
import { hasPostgres, startServerProcess } from './benchSyncProcess.mjs';
import { generateCaseload, seedCaseload } from './benchSyncSeed.mjs';

const built = (path) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));
const { MAX_PULL_LIMIT, PROTOCOL_VERSION, SCHEMA_VERSION } = await import(built('server/sync/protocol.js'));

const CASES = 2_000;
const FIRST_SYNC_GOAL_MS = 5_000;
const FULL = process.env.URA_BENCH_SYNC_FULL === '1';
const LOOPBACK_BUDGET_MS = FULL ? 20 * 60_000 : 25_000;
const SLOW_BUDGET_MS = 20_000;
/** `first-sync` or `concurrency` runs that part alone. */
const ONLY = process.env.URA_BENCH_SYNC_ONLY;
/** "Slow 3G"-like: what a phone gets at the edge of a village. Page-level: it throttles the app, not Chromium's disk. */
const SLOW_MOBILE = { rttMs: 400, downKbit: 400, upKbit: 400, cpuSlowdown: 4 };
const DEVICES = 1_000;
const RATE_MS = 2_000;

/** One full pull page from the middle of the change log, as JSON and gzipped (what compression can save). */
async function samplePage({ url, bareUrl }, head) {
  const device = { clientId: '01900000-0000-7000-8000-00000000beef' };
  await signInDevices(bareUrl, [device]);
  const response = await fetch(`${url}/api/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-encoding': 'identity', cookie: device.cookie },
    body: JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId: device.clientId,
      cursor: Math.floor(head / 2),
      limit: MAX_PULL_LIMIT,
      mutations: [],
    }),
  });
  const json = Buffer.from(await response.arrayBuffer());
  return { rows: MAX_PULL_LIMIT, jsonBytes: json.length, gzipBytes: gzipSync(json).length };
}

async function firstSyncFigures(scratch) {
  const seeded = await seedCaseload(scratch, CASES);
  printSeed(seeded);
  const server = await startServerProcess({ engine: 'sqlite', sqliteFile: seeded.file });
  try {
    printPage(await samplePage(server, seeded.head));
    const runs = [
      ['loopback', null, LOOPBACK_BUDGET_MS, 'loopback, no throttling'],
      [
        'slow',
        SLOW_MOBILE,
        SLOW_BUDGET_MS,
        `slow mobile (${SLOW_MOBILE.rttMs} ms RTT, ${SLOW_MOBILE.downKbit} kbit/s down, ${SLOW_MOBILE.upKbit} kbit/s up, ` +
          `${SLOW_MOBILE.cpuSlowdown}× CPU throttle)`,
      ],
    ];
    let loopback;
    for (const [name, profile, budgetMs, described] of runs) {
      const result = await measureFirstSync({
        url: server.url,
        head: seeded.head,
        profile,
        profileDir: profileFolder(scratch, name),
        budgetMs,
        prefixes: seeded.idPrefixes,
      });
      printFirstSync(`first sync of ${count(CASES)} cases, ${described}`, result, seeded, FIRST_SYNC_GOAL_MS);
      // Unthrottled, the app reaches its first sync within seconds. None at all means the benchmark no longer
      // drives the app's screens (a new step before the pull): fail rather than print a figure of nothing.
      if (profile === null && result.traffic.syncRequests === 0) {
        throw new Error('the app sent no sync request on loopback: do the sign-in steps still match the app?');
      }
      if (profile === null) {
        loopback = result;
        const shape = caseloadShape(seeded.file);
        const pages = Math.max(1, result.traffic.syncRequests);
        const ms = await measureStorageFloor({
          url: server.url,
          profileDir: profileFolder(scratch, 'floor'),
          pages,
          ...shape,
        });
        printStorageFloor({ ...shape, pages, ms });
      } else if (loopback !== undefined && loopback.cursor > 0) {
        // The whole change log costs about what the loopback run's bytes per row say.
        const bytes = (loopback.traffic.syncReceived / loopback.cursor) * seeded.head;
        printWireFloor(profile, bytes, Math.ceil(seeded.head / MAX_PULL_LIMIT));
      }
    }
  } finally {
    await server.stop();
  }
}

/** The engines to measure: SQLite, and PostgreSQL when installed (its server, started early, as a promise). */
function enginesToMeasure() {
  const engines = [{ engine: 'sqlite', note: ' (synchronous=FULL: each push waits for the disk)' }];
  if (!hasPostgres()) {
    console.log(
      'PostgreSQL figures skipped: its server programs are not installed (Debian: apt-get install postgresql)',
    );
    return engines;
  }
  // initdb and start-up take seconds of their own: they run while the first-sync figures are made.
  const server = startServerProcess({ engine: 'postgres' });
  server.catch(() => undefined);
  return [
    ...engines,
    { engine: 'postgres', note: ' (withPostgres.sh cluster: fsync=off, synchronous_commit=off)', server },
  ];
}

/**
 * Each engine twice, each time on a fresh database (a new SQLite file, a new PostgreSQL cluster) with
 * new devices: the school team's worst case, with the idle pull against the bare route, then the mentors.
 */
async function concurrencyFigures(scratch, engines) {
  const records = await generateCaseload(CASES, DEVICES);
  const runs = [
    { population: POPULATIONS.schoolTeam, rateMs: RATE_MS },
    { population: POPULATIONS.mentors, rateMs: 0 },
  ];
  for (const { engine, note, server: started } of engines) {
    for (const [n, { population, rateMs }] of runs.entries()) {
      const server = await ((n === 0 ? started : undefined) ??
        startServerProcess({ engine, sqliteFile: join(scratch, `load-${engine}-${population.name}.sqlite`) }));
      try {
        const result = await measureConcurrency({ server, devices: makeDevices(records), population, rateMs });
        printConcurrency(server.engine, note, result);
      } finally {
        await server.stop();
      }
    }
  }
}

async function run() {
  for (const file of ['server/server/createServer.js', 'client/index.html']) {
    if (!existsSync(built(file))) throw new Error(`dist/${file} is missing: run npm run build first`);
  }
  console.log(
    `sync figures: built server in a child process, load generator and Chromium driver in this one; ` +
      `${cpus().length} cores; ${load()} at the start${FULL ? '; URA_BENCH_SYNC_FULL=1' : ''}` +
      `${ONLY ? `; only ${ONLY}` : ''}`,
  );
  const scratch = mkdtempSync(join(tmpdir(), 'ura-bench-sync-'));
  const engines = ONLY === 'first-sync' ? [] : enginesToMeasure();
  try {
    if (ONLY !== 'concurrency') await firstSyncFigures(scratch);
    if (ONLY !== 'first-sync') await concurrencyFigures(scratch, engines);
  } finally {
    // A server started early but never measured (a failure before its turn) is stopped all the same.
    for (const { server } of engines) await (await server?.catch(() => undefined))?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const started = performance.now();
await run();
console.log(
  `  (sync benchmark took ${Math.round((performance.now() - started) / 1000)} s; ${load()} at the end: ` +
    'other work on the machine slows every figure)',
);
