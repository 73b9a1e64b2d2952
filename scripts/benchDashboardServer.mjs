// The dashboard on the server (docs/dashboard.md): a municipality of 10,000 cases (Ferizaj's two demo
// schools, the sync benchmark's generated caseload: students, cases, 5 visit notes each, plan actions,
// screenings) in a real SQLite file, written through the server's own write path. Prints:
// - the honest computation: reading the fields from the store, the figures of the municipality and each
//   school, and their suppression (median of 3);
// - GET /api/dashboard over loopback HTTP as the demo coordinator: the first reply, replies while the
//   change log stands still (kept figures, median of 10), and replies after a write moved it (median of 3).
// Run through `npm run bench` (which builds first), or `npm run build && node scripts/benchDashboard.mjs`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { loadGenerator } from './benchSyncSeed.mjs';

const root = (path) => new URL(`../${path}`, import.meta.url).href;
const { openDatabase } = await import(root('dist/server/server/database/openDatabase.js'));
const { migrateToLatest } = await import(root('dist/server/server/database/migrateToLatest.js'));
const { inWriteTransaction } = await import(root('dist/server/server/database/databaseEngine.js'));
const { writeWinningFields } = await import(root('dist/server/server/sync/fieldStore.js'));
const { seedDemoData } = await import(root('dist/server/server/seed/seedDemoData.js'));
const { DEMO_PASSWORD } = await import(root('dist/server/server/seed/demoAccounts.js'));
const { DEMO_MUNICIPALITY_IDS, DEMO_SCHOOL_IDS } = await import(root('dist/server/server/seed/demoPlaces.js'));
const { createServer } = await import(root('dist/server/server/createServer.js'));
const { readDashboardInput, schoolsOfMunicipality } = await import(
  root('dist/server/server/dashboard/dashboardRecords.js')
);
const { computeDashboard } = await import(root('dist/server/domain/dashboard/computeDashboard.js'));
const { suppressSmallCounts } = await import(root('dist/server/domain/dashboard/suppressSmallCounts.js'));
const { localIsoDate } = await import(root('dist/server/domain/dueDates.js'));
const { formatHlc } = await import(root('dist/server/domain/hlc.js'));

export const DASHBOARD_CASES = 10_000;
const CHUNK = 2_000;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

/** Kysely over the file with a prepared-statement cache, as scripts/benchSyncSeed.mjs seeds (only the preparing is saved). */
function cachedStatementsDatabase(file) {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  const statements = new Map();
  const database = {
    close: () => sqlite.close(),
    prepare: (sql) => {
      if (!statements.has(sql)) statements.set(sql, sqlite.prepare(sql));
      return statements.get(sql);
    },
  };
  return new Kysely({ dialect: new SqliteDialect({ database }) });
}

export async function seedMunicipality(folder) {
  const file = join(folder, 'ura.sqlite');
  const setup = openDatabase({ file });
  await migrateToLatest(setup);
  await seedDemoData(setup, Date.now());
  await setup.destroy();
  const { caseloadRecords } = await loadGenerator();
  const schools = [DEMO_SCHOOL_IDS.ferizajAhmetHoxha, DEMO_SCHOOL_IDS.ferizajTefikCanga].map((id) => ({
    id,
    country: 'XK',
  }));
  const today = localIsoDate(new Date());
  const records = caseloadRecords({ seed: 20261207, from: 0, count: DASHBOARD_CASES, today, schools });
  const started = performance.now();
  const db = cachedStatementsDatabase(file);
  let rows = 0;
  for (let from = 0; from < records.length; from += CHUNK) {
    await inWriteTransaction(db, async (trx) => {
      for (const record of records.slice(from, from + CHUNK)) {
        const write = { entity: record.entity, entityId: record.id, fields: record.fields, hlc: record.hlc };
        rows += (await writeWinningFields(trx, { ...write, mutationId: null, clientId: null }, new Map())).length;
      }
    });
  }
  await db.destroy();
  return { file, rows, seedMs: performance.now() - started };
}

async function get(url, cookie) {
  const started = performance.now();
  const response = await fetch(`${url}/api/dashboard`, { headers: { cookie, 'accept-encoding': 'identity' } });
  const text = await response.text();
  if (!response.ok) throw new Error(`dashboard answered ${response.status}: ${text}`);
  return { ms: performance.now() - started, bytes: Buffer.byteLength(text), reply: JSON.parse(text) };
}

export async function benchDashboardServer() {
  const scratch = mkdtempSync(join(tmpdir(), 'ura-bench-dashboard-'));
  try {
    const seeded = await seedMunicipality(scratch);
    console.log(
      `dashboard: seeded ${DASHBOARD_CASES.toLocaleString('en')} cases in one municipality ` +
        `(${seeded.rows.toLocaleString('en')} field rows) in ${(seeded.seedMs / 1000).toFixed(0)} s`,
    );
    const db = openDatabase({ file: seeded.file });
    const asOf = localIsoDate(new Date());
    const phases = { read: [], compute: [], suppress: [] };
    let cases = 0;
    for (let run = 0; run < 3; run += 1) {
      let started = performance.now();
      const schools = await schoolsOfMunicipality(db, DEMO_MUNICIPALITY_IDS.ferizaj);
      const input = await readDashboardInput(db, schools, asOf);
      phases.read.push(performance.now() - started);
      cases = input.cases.length;
      started = performance.now();
      const places = [
        { schoolId: null, figures: computeDashboard(input) },
        ...schools.map((school) => ({
          schoolId: school.id,
          figures: computeDashboard({ ...input, schools: [school] }),
        })),
      ];
      phases.compute.push(performance.now() - started);
      started = performance.now();
      suppressSmallCounts(places);
      phases.suppress.push(performance.now() - started);
    }
    const total = median(phases.read) + median(phases.compute) + median(phases.suppress);
    console.log(
      `dashboard on the server, ${cases.toLocaleString('en')} cases: ${ms(total)} (goal ≤ 200 ms) = read ` +
        `${ms(median(phases.read))} + compute ${ms(median(phases.compute))} + suppress ${ms(median(phases.suppress))}, median of 3`,
    );

    const app = await createServer({ db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${app.server.address().port}`;
    const signIn = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'coordinator', password: DEMO_PASSWORD, clientId: uuidv7() }),
    });
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const first = await get(url, cookie);
    const kept = [];
    for (let i = 0; i < 10; i += 1) kept.push((await get(url, cookie)).ms);
    const moved = [];
    const caseId = (
      await db
        .selectFrom('record_scope')
        .select('entity_id')
        .where('entity', '=', 'case')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).entity_id;
    for (let i = 0; i < 3; i += 1) {
      const hlc = formatHlc({ millis: Date.now(), counter: i, node: '0000000000000000' });
      await writeWinningFields(
        db,
        { entity: 'case', entityId: caseId, fields: { lastReviewedAt: asOf }, hlc, mutationId: null, clientId: null },
        new Map(),
      );
      moved.push((await get(url, cookie)).ms);
    }
    console.log(
      `GET /api/dashboard as the coordinator (${(first.bytes / 1024).toFixed(1)} KB): first ${ms(first.ms)}; ` +
        `figures kept, median ${median(kept).toFixed(1)} ms of 10 (goal ≤ 200 ms); after a write (the changed records read ` +
        `again from the change log, the figures recomputed), median ${ms(median(moved))} of 3 (goal ≤ 200 ms)`,
    );
    await app.close();

    // As `npm start` runs it: the server computes the municipalities' figures once ready, in the background.
    const started = performance.now();
    const warmApp = await createServer({ db, warmDashboards: true });
    await warmApp.listen({ port: 0, host: '127.0.0.1' });
    const warmed = await warmApp.dashboardWarmUp();
    const warmUpMs = performance.now() - started;
    const warmUrl = `http://127.0.0.1:${warmApp.server.address().port}`;
    const warmSignIn = await fetch(`${warmUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'coordinator', password: DEMO_PASSWORD, clientId: uuidv7() }),
    });
    const afterWarmUp = await get(warmUrl, warmSignIn.headers.getSetCookie()[0]?.split(';')[0] ?? '');
    console.log(
      `a server started with the warm-up (npm start): ${warmed} municipalities warmed in ${ms(warmUpMs)} from start, ` +
        `in the background; the first GET /api/dashboard after it ${ms(afterWarmUp.ms)} (goal ≤ 200 ms)`,
    );
    await warmApp.close();
    await db.destroy();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
