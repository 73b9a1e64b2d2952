// Accounts and scopes (issue 5), over loopback HTTP against the built server on a real SQLite file
// holding the demo data and 2,000 generated cases (the sync benchmark's caseload):
// - sign-in: POST /api/session (a scrypt hash, N = 2^15), median of 5
// - a mentor's first sync: 20 assigned cases among 2,000, every page, time and bytes
// - a mentor's sync with nothing new: median of 10 (the scope is checked on every one)
// Run through `npm run bench` (which builds first), or alone after `npm run build`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { seedCaseload } from './benchSyncSeed.mjs';

const { createServer } = await import('../dist/server/server/createServer.js');
const { openDatabase } = await import('../dist/server/server/database/openDatabase.js');
const { assignCase } = await import('../dist/server/server/accounts/caseAssignments.js');
const { DEMO_PASSWORD, DEMO_USER_IDS } = await import('../dist/server/server/seed/demoAccounts.js');
const { PROTOCOL_VERSION, SCHEMA_VERSION } = await import('../dist/server/sync/protocol.js');

const CASES = 2_000;
const ASSIGNED = 20;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function signIn(url, login, clientId) {
  const started = performance.now();
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD, clientId }),
  });
  const ms = performance.now() - started;
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('ura_session='));
  if (!response.ok || cookie === undefined) throw new Error(`sign-in answered ${response.status}`);
  return { ms, cookie: cookie.split(';')[0] };
}

async function pull(url, cookie, clientId, cursor, scopeVersion) {
  const body = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId, cursor, mutations: [] };
  if (scopeVersion !== undefined) body.scopeVersion = scopeVersion;
  const response = await fetch(`${url}/api/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-encoding': 'identity', cookie },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`sync answered ${response.status}: ${text}`);
  return { reply: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

const scratch = mkdtempSync(join(tmpdir(), 'ura-bench-accounts-'));
try {
  const seeded = await seedCaseload(scratch, CASES);
  const db = openDatabase({ file: seeded.file });
  const generated = await db
    .selectFrom('record_scope')
    .select('entity_id')
    .where('entity', '=', 'case')
    .orderBy('entity_id', 'desc')
    .limit(ASSIGNED)
    .execute();
  for (const row of generated) await assignCase(db, null, row.entity_id, DEMO_USER_IDS.mentor, Date.now());
  const app = await createServer({ db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${app.server.address().port}`;

  const signIns = [];
  for (let i = 0; i < 5; i += 1) signIns.push((await signIn(url, 'team', uuidv7())).ms);
  console.log(`sign-in (POST /api/session, scrypt N=2^15): median ${median(signIns).toFixed(0)} ms of 5`);

  const clientId = uuidv7();
  const { cookie } = await signIn(url, 'mentor', clientId);
  let started = performance.now();
  let cursor = 0;
  let scopeVersion;
  let pages = 0;
  let bytes = 0;
  let records = 0;
  for (;;) {
    const { reply, bytes: size } = await pull(url, cookie, clientId, cursor, scopeVersion);
    scopeVersion = reply.scope?.version ?? scopeVersion;
    cursor = reply.nextCursor;
    pages += 1;
    bytes += size;
    records += reply.changes.length;
    if (!reply.hasMore) break;
  }
  const firstMs = performance.now() - started;
  console.log(
    `mentor's first sync (${ASSIGNED} of ${CASES.toLocaleString('en')} cases, log head ${seeded.head.toLocaleString('en')}): ` +
      `${firstMs.toFixed(0)} ms in ${pages} round trips, ${records} record changes, ${(bytes / 1024).toFixed(1)} KB uncompressed`,
  );

  const idle = [];
  for (let i = 0; i < 10; i += 1) {
    started = performance.now();
    await pull(url, cookie, clientId, cursor, scopeVersion);
    idle.push(performance.now() - started);
  }
  console.log(`mentor's sync with nothing new (scope checked): median ${median(idle).toFixed(1)} ms of 10`);
  await app.close();
  await db.destroy();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
