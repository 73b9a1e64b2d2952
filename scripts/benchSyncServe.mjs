// The server process of the sync benchmark (scripts/benchSync.mjs starts it, alone or through
// scripts/withPostgres.sh): the real built server (createServer from dist/), on the SQLite file
// URA_BENCH_SQLITE or on the PostgreSQL of DATABASE_URL / URA_TEST_DATABASE_URL, and beside it a bare
// Fastify instance (GET /bare, the yardstick of the idle pull; GET /head, the change log's last seq;
// POST /session, a signed-in session of the demo school team for a simulated device; POST
// /mentor-sessions, CSO mentors created, each given its case and signed in on its own device).
// Prints one JSON line {url, bareUrl, engine} on stdout once both listen; stops when stdin closes,
// so withPostgres.sh then stops its cluster. A separate process, so the load generator cannot starve it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';

const built = (path) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));
const { createServer } = await import(built('server/server/createServer.js'));
const { openDatabase } = await import(built('server/server/database/openDatabase.js'));
const { migrateToLatest } = await import(built('server/server/database/migrateToLatest.js'));
const { seedDemoData } = await import(built('server/server/seed/seedDemoData.js'));
const { DEMO_ORGANISATION_IDS, DEMO_USER_IDS } = await import(built('server/server/seed/demoAccounts.js'));
const { openSession } = await import(built('server/server/auth/sessionStore.js'));
const { createUser } = await import(built('server/server/accounts/users.js'));
const { grantRole } = await import(built('server/server/accounts/roles.js'));
const { assignCase } = await import(built('server/server/accounts/caseAssignments.js'));
const { inWriteTransaction } = await import(built('server/server/database/databaseEngine.js'));

const postgresUrl = process.env.DATABASE_URL ?? process.env.URA_TEST_DATABASE_URL;
const sqliteFile = process.env.URA_BENCH_SQLITE;
if (!postgresUrl && !sqliteFile) throw new Error('set URA_BENCH_SQLITE or DATABASE_URL');
const db = openDatabase(postgresUrl ? { url: postgresUrl } : { file: sqliteFile });
await migrateToLatest(db);
// A fresh database gets the demo schools (a caseload seeded beforehand already has them).
await seedDemoData(db, Date.now());

const staticDir = built('client');
const app = await createServer({ db, ...(existsSync(`${staticDir}/index.html`) ? { staticDir } : {}) });
// A failed request (a 500) is worth its reason on stderr; stdout carries only the line above.
app.addHook('onError', async (request, reply, error) => {
  process.stderr.write(`${request.method} ${request.url}: ${error.message}\n`);
});
await app.listen({ port: 0, host: '127.0.0.1' });

const bare = Fastify({ logger: false });
bare.get('/bare', () => ({ ok: true }));
bare.get('/head', async () => {
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('seq').as('head'))
    .executeTakeFirst();
  return { head: Number(row?.head ?? 0) };
});
// A session of the demo school team (every demo school) for a simulated device, as a right password
// opens it: a thousand devices signing in over HTTP would pay scrypt a thousand times, and the
// per-address limit (20 a minute) would refuse them. Only the benchmark's side server has this.
bare.post('/session', async (request) => {
  const { clientId } = request.body;
  const opened = await openSession(db, { userId: DEMO_USER_IDS.team, clientId }, Date.now());
  if (opened === 'deviceRevoked') throw new Error(`device ${clientId} is revoked`);
  return { cookie: `ura_session=${opened.token}` };
});
/** A password hash no password matches: the account needs no invitation, and nobody signs in with it. */
const NO_PASSWORD = 'bench:no-password';
// CSO mentors, one per simulated device ({devices: [{clientId, caseId}]}): each a user of the demo CSO
// with the mentor role and its one case assigned, made by the server's own account functions as an
// administrator and a school team would make them (one transaction per request), then a session per
// device as the right password opens it. The case's scope is read on every sync request.
bare.post('/mentor-sessions', async (request) => {
  const now = Date.now();
  const { devices } = request.body;
  const userIds = await inWriteTransaction(db, async (trx) => {
    const ids = [];
    for (const { clientId, caseId } of devices) {
      const { user } = await createUser(
        trx,
        null,
        {
          login: `bench-mentor-${clientId}`,
          displayName: 'Bench mentor',
          organisationId: DEMO_ORGANISATION_IDS.cso,
          locale: 'sq',
          passwordHash: NO_PASSWORD,
        },
        now,
      );
      await grantRole(trx, null, user.id, { role: 'mentor' }, now);
      await assignCase(trx, null, caseId, user.id, now);
      ids.push(user.id);
    }
    return ids;
  });
  const cookies = [];
  for (const [n, { clientId }] of devices.entries()) {
    const opened = await openSession(db, { userId: userIds[n], clientId }, now);
    if (opened === 'deviceRevoked') throw new Error(`device ${clientId} is revoked`);
    cookies.push(`ura_session=${opened.token}`);
  }
  return { cookies };
});
await bare.listen({ port: 0, host: '127.0.0.1' });

const url = (server) => `http://127.0.0.1:${server.server.address().port}`;
process.stdout.write(
  `${JSON.stringify({ url: url(app), bareUrl: url(bare), engine: postgresUrl ? 'PostgreSQL' : 'SQLite' })}\n`,
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await app.close();
  await bare.close();
  await db.destroy();
}
process.stdin.on('end', () => void stop());
process.stdin.resume();
process.on('SIGTERM', () => void stop());
