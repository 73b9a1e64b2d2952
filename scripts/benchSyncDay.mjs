// Bytes on the wire for "a typical day" (issue 4: goal ≤ 4 KB, one round trip): a phone that synced
// yesterday records 5 home visits and 10 field edits, then syncs once over loopback HTTP with compressed
// bodies (request gzipped as postSync does it, reply as the server chooses). Run through `npm run bench`
// (after the build; imports dist/ as bench.mjs does), or alone: `node scripts/benchSyncDay.mjs`.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import { typicalDayMutations } from './benchSyncDayMutations.mjs';

const { createServer } = await import('../dist/server/server/createServer.js');
const { openDatabase } = await import('../dist/server/server/database/openDatabase.js');
const { migrateToLatest } = await import('../dist/server/server/database/migrateToLatest.js');
const { seedDemoData } = await import('../dist/server/server/seed/seedDemoData.js');
const { DEMO_STUDENT_IDS } = await import('../dist/server/server/seed/demoStudents.js');
const { DEMO_PASSWORD } = await import('../dist/server/server/seed/demoAccounts.js');
const { MAX_PULL_LIMIT, PROTOCOL_VERSION, SCHEMA_VERSION } = await import('../dist/server/sync/protocol.js');

const GOAL_BYTES = 4096;
const HOST = 'ura.example.org';
/** What Chromium on an Android phone sends with the app's fetch (HTTP/1.1; HTTP/2 would compress these). */
const BROWSER_HEADERS = {
  Host: HOST,
  'sec-ch-ua-platform': '"Android"',
  'User-Agent':
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'sec-ch-ua': '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"',
  'sec-ch-ua-mobile': '?1',
  Accept: '*/*',
  Origin: `https://${HOST}`,
  'Sec-Fetch-Site': 'same-origin',
  'Sec-Fetch-Mode': 'cors',
  'Sec-Fetch-Dest': 'empty',
  Referer: `https://${HOST}/`,
  // Over HTTPS Chromium offers br and zstd too; the server answers br.
  'Accept-Encoding': 'gzip, deflate, br, zstd',
  'Accept-Language': 'sq-AL,sq;q=0.9,sr;q=0.8,en;q=0.7',
};

const bytes = (n) => `${n.toLocaleString('en')} B`;

/** One POST on a fresh connection: the exact bytes each way, headers included, read off the socket. */
function post(port, body, headers) {
  return new Promise((resolve, reject) => {
    const agent = new Agent({ keepAlive: false });
    const outgoing = httpRequest({ host: '127.0.0.1', port, path: '/api/sync', method: 'POST', agent, headers });
    outgoing.on('error', reject);
    outgoing.on('response', (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const socket = outgoing.socket;
        const raw = Buffer.concat(chunks);
        resolve({
          status: response.statusCode,
          headers: response.headers,
          raw,
          sent: socket.bytesWritten,
          read: socket.bytesRead,
        });
        agent.destroy();
      });
    });
    outgoing.end(body);
  });
}

function decode(raw, coding) {
  if (coding === 'br') return brotliDecompressSync(raw);
  if (coding === 'gzip') return gunzipSync(raw);
  return raw;
}

/** Gzipped as postSync gzips it: CompressionStream('gzip'), the same in Chromium and Node. */
async function gzipLikeTheApp(text) {
  const source = new Response(new TextEncoder().encode(text)).body;
  return Buffer.from(await new Response(source.pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}

/** The phone's sign-in, once, long before the day: the demo school team (every demo school). */
async function signIn(app, clientId) {
  const reply = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { login: 'team', password: DEMO_PASSWORD, clientId },
  });
  const cookie = [reply.headers['set-cookie']].flat().find((value) => value?.startsWith('ura_session='));
  if (reply.statusCode !== 200 || cookie === undefined) throw new Error(`sign-in answered ${reply.statusCode}`);
  return cookie.split(';')[0];
}

/** Yesterday's sync, not measured: the phone holds every record, the HLC of each field and its scope. */
async function pullEverything(app, clientId, cookie) {
  const records = new Map();
  let cursor = 0;
  let scopeVersion;
  for (let hasMore = true; hasMore;) {
    const payload = {
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId,
      cursor,
      limit: 1000,
      mutations: [],
      ...(scopeVersion === undefined ? {} : { scopeVersion }),
    };
    const reply = (await app.inject({ method: 'POST', url: '/api/sync', payload, headers: { cookie } })).json();
    scopeVersion = reply.scope?.version ?? scopeVersion;
    for (const change of reply.changes) {
      const byId = records.get(change.entity) ?? new Map();
      const record = byId.get(change.entityId) ?? { fields: {}, hlcs: {} };
      Object.assign(record.fields, change.fields);
      Object.assign(record.hlcs, change.hlcs);
      byId.set(change.entityId, record);
      records.set(change.entity, byId);
    }
    ({ nextCursor: cursor, hasMore } = reply);
  }
  return { records, cursor, scopeVersion };
}

const folder = mkdtempSync(join(tmpdir(), 'ura-bench-day-'));
const db = openDatabase({ file: join(folder, 'ura.sqlite') });
await migrateToLatest(db);
await seedDemoData(db, Date.now());
const app = await createServer({ db });
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address();

const clientId = uuidv7();
const cookie = await signIn(app, clientId);
const { records, cursor, scopeVersion } = await pullEverything(app, clientId, cookie);
const node = clientId.replace(/-/g, '').slice(-16);
let last = { millis: 0, counter: 0 };
const nextHlc = () => {
  const now = Date.now();
  last = now > last.millis ? { millis: now, counter: 0 } : { millis: last.millis, counter: last.counter + 1 };
  return `${new Date(last.millis).toISOString()}-${last.counter.toString(16).padStart(4, '0')}-${node}`;
};
const today = new Date().toLocaleDateString('sv'); // YYYY-MM-DD, the device's date
const day = (offset) => new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const mutations = typicalDayMutations({
  clientId,
  schema: SCHEMA_VERSION,
  records,
  students: DEMO_STUDENT_IDS,
  today,
  day,
  nextHlc,
});
// As syncWithServer.send builds it.
const request = {
  protocolVersion: PROTOCOL_VERSION,
  schemaVersion: SCHEMA_VERSION,
  clientId,
  cursor,
  limit: MAX_PULL_LIMIT,
  mutations,
  scopeVersion,
};
const json = JSON.stringify(request);
const body = await gzipLikeTheApp(json);

const reply = await post(port, body, {
  ...BROWSER_HEADERS,
  // The session cookie goes with every sync (about 60 bytes of the request's headers).
  Cookie: cookie,
  'Content-Type': 'application/json',
  'Content-Encoding': 'gzip',
  'Content-Length': body.length,
});
const coding = reply.headers['content-encoding'];
const replyText = decode(reply.raw, coding).toString('utf8');
if (reply.status !== 200) throw new Error(`the day's sync answered ${reply.status}: ${replyText}`);
const answer = JSON.parse(replyText);
const statuses = answer.results.map((result) => result.status);
if (statuses.length !== 15 || statuses.some((status) => status !== 'applied')) {
  throw new Error(`the day's mutations were not all applied: ${JSON.stringify(answer.results)}`);
}

const requestJson = Buffer.byteLength(json);
const replyJson = Buffer.byteLength(replyText);
const wire = reply.sent + reply.read;
console.log(
  `typical day (5 visits, 10 field edits; ${answer.changes.length} changes back) in 1 round trip: ` +
    `${bytes(wire)} on the wire with headers, ${bytes(body.length + reply.raw.length)} bodies only (goal ≤ ${bytes(GOAL_BYTES)})`,
);
console.log(
  `  request ${bytes(reply.sent)} (body ${bytes(body.length)} gzip, ${bytes(requestJson)} as JSON); ` +
    `reply ${bytes(reply.read)} (body ${bytes(reply.raw.length)} ${coding ?? 'plain'}, ${bytes(replyJson)} as JSON, ` +
    `${bytes(gzipSync(replyText).length)} if gzip); uncompressed bodies ${bytes(requestJson + replyJson)}`,
);

await app.close();
await db.destroy();
rmSync(folder, { recursive: true, force: true });
