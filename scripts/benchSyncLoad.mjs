// The load generator of the sync benchmark's concurrency figures. It runs in the benchmark's own
// process while the server runs in a child process (scripts/benchSyncProcess.mjs), so on two cores
// the client does not starve the server's event loop. HTTP/1.1 keep-alive through undici.
import { Pool } from 'undici';
import {
  acceptsGzipRequests,
  enrolmentBatches,
  idlePullRequest,
  POPULATIONS,
  send,
  signInDevices,
  syncOnce,
} from './benchSyncDevices.mjs';

/** Connections of the requests-per-second loop: enough to keep one server thread busy, not a queue. */
const RATE_CONNECTIONS = 32;
/** Bare route and idle pull take turns this many times each, so a change in the machine's load hits both. */
const RATE_TURNS = 3;

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

async function head(bareUrl) {
  const response = await fetch(`${bareUrl}/head`);
  return (await response.json()).head;
}

function checkApplied(outcome, what) {
  if (outcome.status !== 200) throw new Error(`${what}: the server answered ${outcome.status}`);
  if (outcome.refused.length > 0) {
    throw new Error(`${what}: the server did not apply ${JSON.stringify(outcome.refused.slice(0, 3))}`);
  }
}

/** Requests answered in `ms` on `pool`, RATE_CONNECTIONS at a time. */
async function countAnswered(pool, request, ms) {
  let answered = 0;
  const until = performance.now() + ms;
  const loop = async () => {
    while (performance.now() < until) {
      const { statusCode } = await send(pool, request);
      if (statusCode !== 200) throw new Error(`${request.path} answered ${statusCode}`);
      answered += 1;
    }
  };
  await Promise.all(Array.from({ length: RATE_CONNECTIONS }, loop));
  return answered;
}

/** Requests per second of the bare route and of the idle pull, taking turns, after a warm-up of each. */
async function compareRates(server, idleRequest, ms) {
  const bare = new Pool(server.bareUrl, { connections: RATE_CONNECTIONS });
  const sync = new Pool(server.url, { connections: RATE_CONNECTIONS });
  const bareRequest = { path: '/bare', method: 'GET' };
  try {
    await countAnswered(bare, bareRequest, 300);
    await countAnswered(sync, idleRequest, 300);
    const turn = ms / RATE_TURNS;
    let [bareCount, idleCount] = [0, 0];
    for (let n = 0; n < RATE_TURNS; n += 1) {
      bareCount += await countAnswered(bare, bareRequest, turn);
      idleCount += await countAnswered(sync, idleRequest, turn);
    }
    return { bareRps: bareCount / (ms / 1000), idleRps: idleCount / (ms / 1000) };
  } finally {
    await Promise.all([bare.close(), sync.close()]);
  }
}

/**
 * The office (the school team) enrols the caseload in batches; then the devices sign in as the
 * population's users and every device's keep-alive connection is opened (a health check each).
 * Returns the transport: the pool, and whether the server takes gzipped request bodies.
 */
async function prepare(pool, devices, population, bareUrl) {
  const { office, batches } = enrolmentBatches(devices, { planActions: population.planActions });
  await signInDevices(bareUrl, [office]);
  const transport = { pool, gzipRequests: await acceptsGzipRequests(pool, office) };
  for (const batch of batches) checkApplied(await syncOnce(transport, office, batch), 'enrolment');
  // Every device signed in before the clock starts (a sign-in is once per device, not per sync).
  await population.signIn(bareUrl, devices);
  await Promise.all(devices.map(() => send(pool, { path: '/api/health', method: 'GET' })));
  return transport;
}

/** One device syncing alone, `count` times in a row: a sync's own cost, without any queue. */
async function aloneLatency(transport, device, day, count) {
  const latencies = [];
  for (let round = 0; round < count; round += 1) {
    const outcome = await syncOnce(transport, device, day(device, round));
    checkApplied(outcome, 'a lone sync');
    latencies.push(outcome.ms);
  }
  return percentile(latencies, 50);
}

/** Each device syncs once within this window, at evenly spread moments: 1,000 devices every 30 s. */
export const STEADY_WINDOW_MS = 30_000;

/**
 * The app's own rhythm: all devices online at once, each on its own timer (the app syncs every minute
 * while open, and 1.5 s after a write). Here each syncs once within STEADY_WINDOW_MS — twice the app's
 * rate — with the same push and pull as the burst.
 */
async function measureSteady(transport, devices, day, start) {
  for (const device of devices) device.cursor = start;
  const gapMs = STEADY_WINDOW_MS / devices.length;
  const started = performance.now();
  const outcomes = await Promise.all(
    devices.map(async (device, n) => {
      await new Promise((resolve) => setTimeout(resolve, n * gapMs));
      return syncOnce(transport, device, day(device, devices.length + n));
    }),
  );
  const answered = outcomes.filter((outcome) => outcome.status === 200);
  answered.forEach((outcome) => checkApplied(outcome, 'a steady sync'));
  const latencies = outcomes.map((outcome) => (outcome.status === 200 ? outcome.ms : Infinity));
  return {
    rate: devices.length / (STEADY_WINDOW_MS / 1000),
    elapsedMs: performance.now() - started,
    failed: outcomes.length - answered.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/**
 * The burst: every device of `population` (POPULATIONS in benchSyncDevices.mjs), up to date at the
 * head, syncs once at the same moment (a small push and a pull from its cursor). Before it, one device
 * syncs alone; after it, the devices sync on their own timers; then, when `rateMs` is given, an idle
 * pull's requests per second (as the first device's user) against a bare Fastify route's (same loop,
 * same process).
 */
export async function measureConcurrency({ server, devices, population = POPULATIONS.schoolTeam, rateMs = 0 }) {
  // A burst on a loaded machine can keep a sync waiting well over a minute: the clock must not stop it first.
  const timeouts = { headersTimeout: 300_000, bodyTimeout: 300_000, keepAliveTimeout: 300_000 };
  const pool = new Pool(server.url, { connections: devices.length, ...timeouts });
  const { day } = population;
  try {
    const transport = await prepare(pool, devices, population, server.bareUrl);
    const alone = devices.at(-1);
    alone.cursor = await head(server.bareUrl);
    const aloneP50 = await aloneLatency(transport, alone, day, 20);
    const start = await head(server.bareUrl);
    for (const device of devices) device.cursor = start;

    const started = performance.now();
    const outcomes = await Promise.all(devices.map((device, n) => syncOnce(transport, device, day(device, n))));
    const elapsedMs = performance.now() - started;
    const answered = outcomes.filter((outcome) => outcome.status === 200);
    answered.forEach((outcome) => checkApplied(outcome, 'a sync'));
    // A sync answered 5xx (or not at all) never synced: it counts as slower than any, so failures cannot flatter p99.
    const latencies = outcomes.map((outcome) => (outcome.status === 200 ? outcome.ms : Infinity));
    const mean = (key) => answered.reduce((total, outcome) => total + outcome[key], 0) / answered.length;

    const steady = await measureSteady(transport, devices, day, await head(server.bareUrl));
    const idleHead = await head(server.bareUrl);
    const rates = rateMs > 0 ? await compareRates(server, idlePullRequest(devices[0], idleHead), rateMs) : {};
    return {
      population: population.name,
      devices: devices.length,
      gzipRequests: transport.gzipRequests,
      aloneP50,
      elapsedMs,
      failed: outcomes.length - answered.length,
      throughput: answered.length / (elapsedMs / 1000),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      changesPerSync: mean('changes'),
      wireBytesPerSync: mean('bytes'),
      rowsWritten: idleHead - start,
      steady,
      ...rates,
    };
  } finally {
    await pool.close();
  }
}
