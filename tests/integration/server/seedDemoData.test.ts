import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../../../src/domain/hlc.ts';
import { ID_PATTERN } from '../../../src/domain/student.ts';
import { studentFieldsSchema } from '../../../src/domain/studentValidation.ts';
import { createServer } from '../../../src/server/createServer.ts';
import { DEMO_USER_IDS } from '../../../src/server/seed/demoAccounts.ts';
import { DEMO_MUNICIPALITY_IDS, DEMO_SCHOOL_IDS, DEMO_SCHOOLS } from '../../../src/server/seed/demoPlaces.ts';
import { DEMO_STUDENT_IDS, DEMO_STUDENTS } from '../../../src/server/seed/demoStudents.ts';
import { SERVER_NODE_ID, seedDemoData, seedMissingDemoAccounts } from '../../../src/server/seed/seedDemoData.ts';
import { COHORT_SIZE, cohortStudentId } from '../../../src/server/seed/demoCohortStudents.ts';
import { MAX_PULL_LIMIT, type Change } from '../../../src/sync/protocol.ts';
import {
  countRows,
  createTempDatabase,
  makeSyncRequest,
  signInTestClients,
  sync,
  TEST_NOW,
  type TempDatabase,
} from '../../support/serverFixtures.ts';

const LANGUAGE_KEYS = ['en', 'sq', 'sr-Cyrl', 'sr-Latn'];
/** The dashboard's demo cohort at Ferizaj's schools (demoCohortStudents.ts). */
const COHORT_STUDENT_IDS = Array.from({ length: COHORT_SIZE }, (_, index) => cohortStudentId(index));

describe('seedDemoData', () => {
  let temp: TempDatabase;
  beforeEach(async () => {
    temp = await createTempDatabase();
  });
  afterEach(async () => {
    await temp.cleanup();
  });

  async function pullEverything(): Promise<Change[]> {
    const app = await createServer({ db: temp.db, now: () => TEST_NOW });
    // The demo school team sees every demo school.
    signInTestClients(app, temp.db, { userId: DEMO_USER_IDS.team, now: () => TEST_NOW });
    try {
      const reply = await sync(app, makeSyncRequest({ cursor: 0, limit: MAX_PULL_LIMIT }));
      expect(reply.hasMore).toBe(false);
      return reply.changes;
    } finally {
      await app.close();
    }
  }

  it('seeds an empty database once and seeds nothing the second time', async () => {
    expect(await seedDemoData(temp.db, TEST_NOW)).toBe(true);
    const counts = await countRows(temp.db);
    expect(await seedDemoData(temp.db, TEST_NOW + 1000)).toBe(false);
    expect(await countRows(temp.db)).toEqual(counts);
  });

  it('gives a demo database from before accounts the demo accounts, once, and no other database', async () => {
    await seedDemoData(temp.db, TEST_NOW);
    for (const table of ['case_assignment', 'role_assignment', 'app_user', 'organisation'] as const) {
      await temp.db.deleteFrom(table).execute();
    }

    expect(await seedMissingDemoAccounts(temp.db, TEST_NOW)).toBe(true);
    const logins = await temp.db.selectFrom('app_user').select('login').orderBy('login').execute();
    expect(logins.map((row) => row.login)).toEqual(['admin', 'coordinator', 'mentor', 'teacher', 'team']);
    const assigned = await temp.db
      .selectFrom('case_assignment')
      .select('case_id')
      .where('user_id', '=', DEMO_USER_IDS.mentor)
      .execute();
    expect(assigned.length).toBeGreaterThan(0);
    const before = await countRows(temp.db);
    expect(await seedMissingDemoAccounts(temp.db, TEST_NOW)).toBe(false);
    expect(await countRows(temp.db)).toEqual(before);

    const empty = await createTempDatabase();
    try {
      expect(await seedMissingDemoAccounts(empty.db, TEST_NOW)).toBe(false);
    } finally {
      await empty.cleanup();
    }
  });

  it('delivers municipalities, schools and students through a pull from cursor 0', async () => {
    await seedDemoData(temp.db, TEST_NOW);
    const changes = await pullEverything();
    const idsOf = (entity: string): string[] =>
      changes.filter((change) => change.entity === entity).map((change) => change.entityId);

    expect(idsOf('municipality')).toEqual(Object.values(DEMO_MUNICIPALITY_IDS));
    expect(idsOf('school')).toEqual(Object.values(DEMO_SCHOOL_IDS));
    expect(idsOf('student')).toEqual([...Object.values(DEMO_STUDENT_IDS), ...COHORT_STUDENT_IDS]);
    const ferizaj = changes.find((change) => change.entityId === DEMO_MUNICIPALITY_IDS.ferizaj);
    expect(ferizaj?.fields).toEqual({
      name: { sq: 'Ferizaj', 'sr-Latn': 'Uroševac', 'sr-Cyrl': 'Урошевац', en: 'Ferizaj' },
      country: 'XK',
    });
  });

  it('writes every record with a server HLC at the seed time', async () => {
    await seedDemoData(temp.db, TEST_NOW);
    const hlcs = (await pullEverything()).flatMap((change) => Object.values(change.hlcs));
    expect(hlcs.length).toBeGreaterThan(0);
    for (const hlc of hlcs) expect(parseHlc(hlc)).toMatchObject({ millis: TEST_NOW, node: SERVER_NODE_ID });
  });

  it('seeds students that are valid and attend seeded schools', async () => {
    await seedDemoData(temp.db, TEST_NOW);
    const changes = await pullEverything();
    const students = changes.filter((change) => change.entity === 'student');
    const schoolIds = new Set(Object.values(DEMO_SCHOOL_IDS));
    expect(students).toHaveLength(DEMO_STUDENTS.length + COHORT_STUDENT_IDS.length);
    for (const student of students) {
      const fields = studentFieldsSchema.parse(student.fields);
      expect(schoolIds.has(fields.schoolId as (typeof DEMO_SCHOOL_IDS)[keyof typeof DEMO_SCHOOL_IDS])).toBe(true);
      expect(Number(fields.dateOfBirth.slice(0, 4))).toBeGreaterThanOrEqual(2010);
      expect(Number(fields.dateOfBirth.slice(0, 4))).toBeLessThanOrEqual(2018);
    }
  });

  it('names every school and municipality in every language, with fixed well-formed ids', async () => {
    await seedDemoData(temp.db, TEST_NOW);
    const places = (await pullEverything()).filter(
      (change) => change.entity === 'school' || change.entity === 'municipality',
    );
    for (const place of places) {
      expect(place.entityId).toMatch(ID_PATTERN);
      const name = place.fields.name as Record<string, string>;
      expect(Object.keys(name).sort()).toEqual(LANGUAGE_KEYS);
      expect(Object.values(name).every((text) => text.trim().length > 0)).toBe(true);
    }
    const school = DEMO_SCHOOLS.find((candidate) => candidate.id === DEMO_SCHOOL_IDS.aleksinacVozdKaradjordje);
    expect(school?.fields.name).toMatchObject({ 'sr-Latn': 'OŠ „Vožd Karađorđe“', 'sr-Cyrl': 'ОШ „Вожд Карађорђе“' });
  });
});
