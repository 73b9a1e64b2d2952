import { localIsoDate } from '../../domain/dueDates.ts';
import { formatHlc } from '../../domain/hlc.ts';
import type { Entity } from '../../sync/protocol.ts';
import type { AppDatabase } from '../database/openDatabase.ts';
import { inWriteTransaction } from '../database/databaseEngine.ts';
import { writeWinningFields } from '../sync/fieldStore.ts';
import { DEMO_USER_IDS, seedDemoAccounts } from './demoAccounts.ts';
import { demoCasework } from './demoCasework.ts';
import { demoCohort } from './demoCohortCases.ts';
import { demoMap } from './demoMap.ts';
import { DEMO_MUNICIPALITIES, DEMO_SCHOOLS } from './demoPlaces.ts';
import { DEMO_STUDENTS } from './demoStudents.ts';

/** The node id of writes the server makes itself; no client derives an all-zero id from a UUID. */
export const SERVER_NODE_ID = '0000000000000000';

interface SeedRecord {
  entity: Entity;
  id: string;
  fields: object;
}

/**
 * Writes the demo municipalities, schools, students, casework and Ferizaj's
 * Municipal Action Plan when the database has no schools yet (a first start),
 * and the demo accounts (demoAccounts.ts). The data goes through the same
 * field and change-log path as mutations, so clients receive it by an
 * ordinary pull. Returns whether it seeded.
 */
export async function seedDemoData(db: AppDatabase, now: number): Promise<boolean> {
  return inWriteTransaction(db, async (trx) => {
    if (await hasAnySchool(trx)) return false;
    const records: SeedRecord[] = [
      ...DEMO_MUNICIPALITIES.map((record) => ({ entity: 'municipality' as const, ...record })),
      ...DEMO_SCHOOLS.map((record) => ({ entity: 'school' as const, ...record })),
      ...DEMO_STUDENTS.map((record) => ({ entity: 'student' as const, ...record })),
      ...demoCasework(localIsoDate(new Date(now))),
      // Enough more of Ferizaj's casework for its coordinator's dashboard to show past suppression.
      ...demoCohort(localIsoDate(new Date(now))),
      // Ferizaj's Municipal Action Plan, which its coordinator keeps.
      ...demoMap(),
    ];
    await writeSeedRecords(trx, records, now);
    const caseIds = records.filter((record) => record.entity === 'case').map((record) => record.id);
    await seedDemoAccounts(trx, now, caseIds);
    return true;
  });
}

/**
 * A database seeded before accounts existed holds the demo data and nobody to
 * sign in as. When it holds the demo schools and no person and no
 * organisation at all, this adds the demo accounts (the mentor gets the demo
 * cases still stored). Returns whether it did.
 */
export async function seedMissingDemoAccounts(db: AppDatabase, now: number): Promise<boolean> {
  return inWriteTransaction(db, async (trx) => {
    const anyone = await trx.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
    const anyOrganisation = await trx.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
    if (anyone !== undefined || anyOrganisation !== undefined) return false;
    const demoSchool = await trx
      .selectFrom('entity_field')
      .select('entity_id')
      .where('entity', '=', 'school')
      .where('entity_id', '=', DEMO_SCHOOLS[0]?.id ?? '')
      .limit(1)
      .executeTakeFirst();
    if (demoSchool === undefined) return false;
    const today = localIsoDate(new Date(now));
    const demoCaseIds = [...demoCasework(today), ...demoCohort(today)]
      .filter((record) => record.entity === 'case')
      .map((record) => record.id);
    const stored = await trx
      .selectFrom('entity_field')
      .select('entity_id')
      .distinct()
      .where('entity', '=', 'case')
      .where('entity_id', 'in', demoCaseIds)
      .execute();
    await seedDemoAccounts(trx, now, stored.map((row) => row.entity_id).sort());
    return true;
  });
}

/**
 * A demo database seeded before the Municipal Action Plan existed gets
 * Ferizaj's demo plan, once: when it holds the demo coordinator and no plan
 * at all (a plan someone made is never joined by the demo's). Returns whether
 * it did.
 */
export async function seedMissingDemoMap(db: AppDatabase, now: number): Promise<boolean> {
  return inWriteTransaction(db, async (trx) => {
    const coordinator = await trx
      .selectFrom('app_user')
      .select('id')
      .where('id', '=', DEMO_USER_IDS.coordinator)
      .executeTakeFirst();
    const anyPlan = await trx
      .selectFrom('entity_field')
      .select('entity_id')
      .where('entity', '=', 'mapPlan')
      .limit(1)
      .executeTakeFirst();
    if (coordinator === undefined || anyPlan !== undefined) return false;
    await writeSeedRecords(trx, demoMap(), now);
    return true;
  });
}

/** One HLC per record, all at `now`: any later edit from a device wins over the seed. */
async function writeSeedRecords(db: AppDatabase, records: readonly SeedRecord[], now: number): Promise<void> {
  for (const [counter, record] of records.entries()) {
    const hlc = formatHlc({ millis: now, counter, node: SERVER_NODE_ID });
    await writeWinningFields(
      db,
      { entity: record.entity, entityId: record.id, fields: record.fields, hlc, mutationId: null, clientId: null },
      new Map(),
    );
  }
}

async function hasAnySchool(db: AppDatabase): Promise<boolean> {
  const anySchool = await db
    .selectFrom('entity_field')
    .select('entity_id')
    .where('entity', '=', 'school')
    .limit(1)
    .executeTakeFirst();
  return anySchool !== undefined;
}
