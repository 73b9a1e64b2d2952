// The first-sync caseload of the sync benchmark: a real SQLite file holding the demo data and 2,000
// generated cases (student, case, 5 visit notes, plan actions, screenings each), written through the
// server's own write path, writeWinningFields, as the server's seed does — so the change log is
// exactly what a device pulls. The generator is the casework benchmark's (tests/bench/syncCaseload.ts).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { build } from 'vite';

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const { openDatabase } = await import(root('dist/server/server/database/openDatabase.js'));
const { migrateToLatest } = await import(root('dist/server/server/database/migrateToLatest.js'));
const { seedDemoData } = await import(root('dist/server/server/seed/seedDemoData.js'));
const { DEMO_SCHOOLS } = await import(root('dist/server/server/seed/demoPlaces.js'));
const { inWriteTransaction } = await import(root('dist/server/server/database/databaseEngine.js'));
const { writeWinningFields } = await import(root('dist/server/server/sync/fieldStore.js'));

const SEED = 20261123;
/** Records written per transaction: one commit (fsync) each, a few per second of seeding. */
const CHUNK = 2_000;

/**
 * Kysely over the same file, with a prepared-statement cache: Kysely prepares every query afresh,
 * which is a third of the seeding time for ~370,000 field rows. The statements, the write path and
 * the rows are the server's; only the preparing is saved.
 */
function cachedStatementsDatabase(file) {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  const statements = new Map();
  const database = {
    close: () => sqlite.close(),
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
  return new Kysely({ dialect: new SqliteDialect({ database }) });
}

let generator;
/** The caseload generator, built for Node from tests/bench (about a second) the first time it is asked for. */
export function loadGenerator() {
  generator ??= build({ configFile: root('tests/bench/vite.sync.config.ts'), logLevel: 'warn' }).then(
    () => import(root('dist/bench-sync/syncCaseload.mjs')),
  );
  return generator;
}

/** The generated caseload's records for cases `from`…`from + count - 1`, dated around today. */
export async function generateCaseload(from, count) {
  const { caseloadRecords } = await loadGenerator();
  const today = new Date().toISOString().slice(0, 10);
  const schools = DEMO_SCHOOLS.map((school) => ({ id: school.id, country: school.fields.country }));
  return caseloadRecords({ seed: SEED, from, count, today, schools });
}

/**
 * Seeds `cases` generated cases into a new SQLite file in `folder`. Returns the file, how many
 * records of each type it holds (demo data included) and were generated, how generated ids begin
 * on the device, its change-log head and the timings.
 */
export async function seedCaseload(folder, cases) {
  const file = join(folder, 'ura.sqlite');
  const setup = openDatabase({ file });
  await migrateToLatest(setup);
  await seedDemoData(setup, Date.now());
  await setup.destroy();

  let started = performance.now();
  const records = await generateCaseload(0, cases);
  const generateMs = performance.now() - started;

  started = performance.now();
  const db = cachedStatementsDatabase(file);
  let fieldRows = 0;
  try {
    for (let from = 0; from < records.length; from += CHUNK) {
      await inWriteTransaction(db, async (trx) => {
        for (const record of records.slice(from, from + CHUNK)) {
          const write = { entity: record.entity, entityId: record.id, fields: record.fields, hlc: record.hlc };
          const written = await writeWinningFields(trx, { ...write, mutationId: null, clientId: null }, new Map());
          fieldRows += written.length;
        }
      });
    }
    const counts = await db
      .selectFrom('entity_field')
      .select(['entity', (eb) => eb.fn.count('entity_id').distinct().as('records')])
      .groupBy('entity')
      .execute();
    const head = await db
      .selectFrom('change_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();
    const generated = {};
    for (const record of records) generated[record.entity] = (generated[record.entity] ?? 0) + 1;
    return {
      file,
      records: Object.fromEntries(counts.map((row) => [row.entity, Number(row.records)])),
      generated,
      idPrefixes: (await loadGenerator()).GENERATED_ID_PREFIXES,
      fieldRows,
      head: Number(head.seq),
      generateMs,
      writeMs: performance.now() - started,
    };
  } finally {
    await db.destroy();
  }
}
