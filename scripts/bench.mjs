// Prints Ura's performance figures (run through `npm run bench`, which builds first).
// - first-load JavaScript + CSS, gzip (budget 150 KB)
// - a sync round trip of 1,000 student mutations over loopback HTTP: time and bytes on the wire
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { measureInitialBundle } from './bundleSize.mjs';

const { createServer } = await import('../dist/server/server/createServer.js');
const { openDatabase } = await import('../dist/server/server/database/openDatabase.js');
const { migrateToLatest } = await import('../dist/server/server/database/migrateToLatest.js');
const { seedDemoData } = await import('../dist/server/server/seed/seedDemoData.js');
const { DEMO_PASSWORD } = await import('../dist/server/server/seed/demoAccounts.js');
const { DEMO_SCHOOL_IDS } = await import('../dist/server/server/seed/demoPlaces.js');
const { PROTOCOL_VERSION, SCHEMA_VERSION, MAX_MUTATIONS_PER_REQUEST } = await import('../dist/server/sync/protocol.js');

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function studentMutations(clientId, count) {
  const base = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    id: uuidv7(),
    clientId,
    hlc: `${new Date(base).toISOString()}-${i.toString(16).padStart(4, '0')}-${clientId.replace(/-/g, '').slice(-16)}`,
    schema: SCHEMA_VERSION,
    entity: 'student',
    entityId: uuidv7(),
    op: 'create',
    fields: {
      givenName: `Ardita ${i}`,
      familyName: 'Krasniqi',
      sex: i % 2 ? 'male' : 'female',
      dateOfBirth: '2013-04-12',
      schoolId: DEMO_SCHOOL_IDS.ferizajAhmetHoxha,
      grade: 5,
      className: '5/1',
      community: '',
      rural: i % 3 === 0,
      guardianName: 'Shpresa Krasniqi',
      guardianPhone: '+383 44 123 456',
    },
  }));
}

/** Signs the demo school team in for one device; the session cookie goes with its syncs. */
async function signIn(url, clientId) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'team', password: DEMO_PASSWORD, clientId }),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('ura_session='));
  if (!response.ok || cookie === undefined) throw new Error(`sign-in answered ${response.status}`);
  return cookie.split(';')[0];
}

async function post(url, body, wire, cookie) {
  const text = JSON.stringify(body);
  wire.sent += Buffer.byteLength(text);
  const response = await fetch(`${url}/api/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: text,
  });
  const reply = await response.text();
  wire.received += Buffer.byteLength(reply);
  if (!response.ok) throw new Error(`sync failed: ${response.status} ${reply}`);
  return JSON.parse(reply);
}

const bundle = measureInitialBundle();
console.log(`first-load JS + CSS: ${kb(bundle.gzipBytes)} gzip (budget 150 KB)`);

const db = openDatabase({ file: join(mkdtempSync(join(tmpdir(), 'ura-bench-')), 'ura.sqlite') });
await migrateToLatest(db);
await seedDemoData(db, Date.now());
const app = await createServer({ db });
await app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${app.server.address().port}`;

const clientId = uuidv7();
const cookie = await signIn(url, clientId);
const mutations = studentMutations(clientId, 1000);
const push = { sent: 0, received: 0 };
let started = performance.now();
let cursor = 0;
let trips = 0;
for (let i = 0; i < mutations.length; i += MAX_MUTATIONS_PER_REQUEST) {
  const reply = await post(
    url,
    {
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId,
      cursor,
      mutations: mutations.slice(i, i + MAX_MUTATIONS_PER_REQUEST),
    },
    push,
    cookie,
  );
  cursor = reply.nextCursor;
  trips += 1;
}
const pushMs = performance.now() - started;
console.log(
  `push 1,000 student mutations: ${pushMs.toFixed(0)} ms in ${trips} round trips, ${kb(push.sent)} sent, ${kb(push.received)} received (uncompressed)`,
);

const pull = { sent: 0, received: 0 };
started = performance.now();
cursor = 0;
trips = 0;
let hasMore = true;
const other = uuidv7();
const otherCookie = await signIn(url, other);
while (hasMore) {
  const reply = await post(
    url,
    {
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId: other,
      cursor,
      limit: 1000,
      mutations: [],
    },
    pull,
    otherCookie,
  );
  cursor = reply.nextCursor;
  hasMore = reply.hasMore;
  trips += 1;
}
const pullMs = performance.now() - started;
console.log(
  `first pull of those 1,000 students (plus demo data) on a second device: ${pullMs.toFixed(0)} ms in ${trips} round trips, ${kb(pull.received)} received (uncompressed)`,
);

await app.close();
await db.destroy();
await import('./benchSyncDay.mjs'); // bytes on the wire for a typical day (5 visits, 10 field edits)
await import('./benchAccounts.mjs'); // sign-in; a mentor's first sync of 20 cases among 2,000 (docs/accounts.md)
await import('./benchSync.mjs'); // first sync of 2,000 cases in Chromium; 1,000 devices at once (docs/benchmarks.md, "Sync figures")

// Casework figures in real Chromium (case list, search, visit save, Today): see docs/benchmarks.md.
await import('./benchCasework.mjs');
// The case list's CSV export of 10,000 rows in Chromium at 4× CPU throttle: see docs/exports.md.
await import('./benchExport.mjs');
// Roster import of 5,000 students through the import screen in Chromium at 4× CPU throttle: see docs/roster-import.md.
await import('./benchRoster.mjs');
// The dashboard: a municipality of 10,000 cases on the server, a school of 10,000 on the phone at 4× CPU: see docs/dashboard.md.
await import('./benchDashboard.mjs');
