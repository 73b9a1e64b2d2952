import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classKeyOf } from '../../../src/domain/accessScope.ts';
import type { RecordScopeTable } from '../../../src/server/database/databaseSchema.ts';
import type { AppDatabase } from '../../../src/server/database/openDatabase.ts';
import { seedDemoData } from '../../../src/server/seed/seedDemoData.ts';
import { readStoredFields, writeWinningFields } from '../../../src/server/sync/fieldStore.ts';
import { rebuildRecordScopes } from '../../../src/server/sync/recordScope.ts';
import { createTempDatabase, makeHlc, TEST_NOW, type TempDatabase } from '../../support/serverFixtures.ts';
import {
  addUser,
  CLASS_5_1,
  createScopeWorld,
  pullAll,
  SCHOOL_A,
  SCHOOL_B,
  storeCaseFile,
  storeRecord,
  storeStudent,
  type CaseFile,
} from '../../support/scopeFixtures.ts';

type Keys = Omit<RecordScopeTable, 'entity' | 'entity_id'>;

async function scopeRows(db: AppDatabase): Promise<Map<string, Keys>> {
  const rows = await db.selectFrom('record_scope').selectAll().execute();
  return new Map(rows.map(({ entity, entity_id, ...keys }) => [`${entity}:${entity_id}`, keys]));
}

async function keysOf(db: AppDatabase, entity: string, id: string): Promise<Keys | undefined> {
  return (await scopeRows(db)).get(`${entity}:${id}`);
}

function keys(school_id: string | null, class_key: string | null, student_id: string | null, case_id: string | null) {
  return { school_id, class_key, student_id, case_id, municipality_id: null };
}

/** A clash record about `recordId`'s `field`, as recordClashes writes it. */
async function storeClash(db: AppDatabase, recordEntity: string, recordId: string, field: string): Promise<string> {
  const id = randomUUID();
  await storeRecord(db, 'conflict', id, {
    recordEntity,
    recordId,
    field,
    keptValue: 'a',
    keptHlc: 'x',
    keptBy: null,
    lostValue: 'b',
    lostHlc: 'y',
    lostBy: null,
    choice: null,
    resolvedBy: null,
  });
  return id;
}

describe('record_scope upkeep', () => {
  let world: TempDatabase;
  let file: CaseFile;
  beforeEach(async () => {
    world = await createScopeWorld();
    file = await storeCaseFile(world.db, await storeStudent(world.db, SCHOOL_A), SCHOOL_A);
  });
  afterEach(async () => {
    await world.cleanup();
  });

  it('places a student by school and class, and every record of its case with the case keys', async () => {
    const { studentId, caseId } = file;
    const rows = await scopeRows(world.db);
    expect(rows.get(`student:${studentId}`)).toEqual(keys(SCHOOL_A, CLASS_5_1, studentId, null));
    expect(rows.get(`screening:${file.screeningId}`)).toEqual(keys(SCHOOL_A, CLASS_5_1, studentId, null));
    for (const key of [`case:${caseId}`, `caseEvent:${file.caseEventId}`, `homeVisit:${file.homeVisitId}`]) {
      expect(rows.get(key)).toEqual(keys(SCHOOL_A, CLASS_5_1, studentId, caseId));
    }
    for (const key of [`planAction:${file.planActionId}`, `referral:${file.referralId}`]) {
      expect(rows.get(key)).toEqual(keys(SCHOOL_A, CLASS_5_1, studentId, caseId));
    }
    // Places carry no child data: no row.
    expect([...rows.keys()].filter((key) => key.startsWith('school:') || key.startsWith('municipality:'))).toEqual([]);
    expect(rows.size).toBe(7);
  });

  it('normalises the class name as classKeyOf does', async () => {
    const studentId = await storeStudent(world.db, SCHOOL_A, { grade: 7, className: ' 7/A ' });
    expect((await keysOf(world.db, 'student', studentId))?.class_key).toBe(classKeyOf(7, '7/a'));
  });

  it('moves a student who changes school and class with the records about them; cases keep their school', async () => {
    const { studentId, caseId } = file;
    await storeRecord(world.db, 'student', studentId, { schoolId: SCHOOL_B, grade: 6, className: '6/2' });
    const moved = classKeyOf(6, '6/2');
    const rows = await scopeRows(world.db);
    expect(rows.get(`student:${studentId}`)).toEqual(keys(SCHOOL_B, moved, studentId, null));
    expect(rows.get(`screening:${file.screeningId}`)).toEqual(keys(SCHOOL_B, moved, studentId, null));
    for (const key of [`case:${caseId}`, `caseEvent:${file.caseEventId}`, `referral:${file.referralId}`]) {
      expect(rows.get(key)).toEqual(keys(SCHOOL_A, moved, studentId, caseId));
    }
  });

  it('moves a case that changes school with everything under it, not its student', async () => {
    const { studentId, caseId } = file;
    await storeRecord(world.db, 'case', caseId, { schoolId: SCHOOL_B });
    const rows = await scopeRows(world.db);
    for (const key of [`case:${caseId}`, `homeVisit:${file.homeVisitId}`, `planAction:${file.planActionId}`]) {
      expect(rows.get(key)).toEqual(keys(SCHOOL_B, CLASS_5_1, studentId, caseId));
    }
    expect(rows.get(`student:${studentId}`)).toEqual(keys(SCHOOL_A, CLASS_5_1, studentId, null));
    expect(rows.get(`screening:${file.screeningId}`)).toEqual(keys(SCHOOL_A, CLASS_5_1, studentId, null));
  });

  it('reads no keys again when an edit of a stored record changes no key field (as a mutation writes)', async () => {
    await world.db
      .updateTable('record_scope')
      .set({ class_key: 'marker' })
      .where('entity_id', '=', file.studentId)
      .execute();
    const write = { entity: 'student', entityId: file.studentId, mutationId: null, clientId: null } as const;
    const stored = await readStoredFields(world.db, 'student', file.studentId);
    await writeWinningFields(world.db, { ...write, fields: { givenName: 'Hana' }, hlc: makeHlc(1) }, stored);
    expect((await keysOf(world.db, 'student', file.studentId))?.class_key).toBe('marker');
    const after = await readStoredFields(world.db, 'student', file.studentId);
    await writeWinningFields(world.db, { ...write, fields: { grade: 6 }, hlc: makeHlc(2) }, after);
    expect((await keysOf(world.db, 'student', file.studentId))?.class_key).toBe(classKeyOf(6, '5/1'));
  });

  it('places a clash record where its record is; a clash on a sensitive field has no class', async () => {
    const { studentId, caseId } = file;
    const onName = await storeClash(world.db, 'student', studentId, 'givenName');
    const onCommunity = await storeClash(world.db, 'student', studentId, 'community');
    const onPlan = await storeClash(world.db, 'planAction', file.planActionId, 'status');
    expect(await keysOf(world.db, 'conflict', onName)).toEqual(keys(SCHOOL_A, CLASS_5_1, studentId, null));
    expect(await keysOf(world.db, 'conflict', onCommunity)).toEqual(keys(SCHOOL_A, null, studentId, null));
    expect(await keysOf(world.db, 'conflict', onPlan)).toEqual(keys(SCHOOL_A, CLASS_5_1, studentId, caseId));

    await storeRecord(world.db, 'student', studentId, { schoolId: SCHOOL_B, grade: 6, className: '6/1' });
    expect(await keysOf(world.db, 'conflict', onName)).toEqual(keys(SCHOOL_B, classKeyOf(6, '6/1'), studentId, null));
    expect(await keysOf(world.db, 'conflict', onCommunity)).toEqual(keys(SCHOOL_B, null, studentId, null));
  });

  it('lets the new school team pull a student who moved to their school (after a rewind), and not the old one', async () => {
    const teamA = await addUser(world.db, [{ role: 'schoolTeam', schoolId: SCHOOL_A }]);
    const teamB = await addUser(world.db, [{ role: 'schoolTeam', schoolId: SCHOOL_B }]);
    expect((await pullAll(world.db, teamB)).records.has(`student:${file.studentId}`)).toBe(false);

    await storeRecord(world.db, 'student', file.studentId, { schoolId: SCHOOL_B });
    const pulledByB = await pullAll(world.db, teamB);
    const pulledByA = await pullAll(world.db, teamA);

    expect(pulledByB.records.get(`student:${file.studentId}`)).toMatchObject({
      givenName: 'Drita',
      schoolId: SCHOOL_B,
    });
    expect(pulledByB.records.has(`screening:${file.screeningId}`)).toBe(true);
    // The case stays with the school that opened it.
    expect(pulledByB.records.has(`case:${file.caseId}`)).toBe(false);
    expect(pulledByA.records.has(`student:${file.studentId}`)).toBe(false);
    expect(pulledByA.records.has(`case:${file.caseId}`)).toBe(true);
  });

  it('brings a student who moved, whole, to the new school team in its next pull, with no rewind', async () => {
    const teamB = await addUser(world.db, [{ role: 'schoolTeam', schoolId: SCHOOL_B }]);
    const before = await pullAll(world.db, teamB);
    expect(before.records.has(`student:${file.studentId}`)).toBe(false);

    await storeRecord(world.db, 'student', file.studentId, { schoolId: SCHOOL_B });
    const next = await pullAll(world.db, teamB, { cursor: before.cursor, scopeVersion: before.scopeVersion ?? 0 });

    expect(next.scopeVersion).toBe(before.scopeVersion);
    expect(next.records.get(`student:${file.studentId}`)).toMatchObject({
      givenName: 'Drita',
      grade: 5,
      schoolId: SCHOOL_B,
    });
    expect(next.records.get(`screening:${file.screeningId}`)).toMatchObject({ studentId: file.studentId });
    expect(next.records.has(`case:${file.caseId}`)).toBe(false);
  });

  it('sends a record that did not move nothing again', async () => {
    const teamA = await addUser(world.db, [{ role: 'schoolTeam', schoolId: SCHOOL_A }]);
    const before = await pullAll(world.db, teamA);
    await storeRecord(world.db, 'student', file.studentId, { guardianPhone: '+383 44 000 111' });
    const next = await pullAll(world.db, teamA, { cursor: before.cursor, scopeVersion: before.scopeVersion ?? 0 });
    expect([...next.records.keys()]).toEqual([`student:${file.studentId}`]);
    expect(Object.keys(next.records.get(`student:${file.studentId}`) ?? {})).toEqual(['guardianPhone']);
  });

  it('rebuilds the same rows as the upkeep made, replacing wrong ones', async () => {
    await storeClash(world.db, 'referral', file.referralId, 'status');
    await storeRecord(world.db, 'student', file.studentId, { className: '5/3' });
    const kept = await scopeRows(world.db);
    await world.db.updateTable('record_scope').set({ school_id: SCHOOL_B }).execute();
    await world.db.deleteFrom('record_scope').where('entity', '=', 'case').execute();

    await rebuildRecordScopes(world.db);

    expect(await scopeRows(world.db)).toEqual(kept);
  });
});

describe('rebuildRecordScopes', () => {
  let temp: TempDatabase;
  beforeEach(async () => {
    temp = await createTempDatabase();
  });
  afterEach(async () => {
    await temp.cleanup();
  });

  it('leaves an empty database empty', async () => {
    await rebuildRecordScopes(temp.db);
    expect((await scopeRows(temp.db)).size).toBe(0);
  });

  it('places every record of the demo data, child data in its school, as the seed left it', async () => {
    await seedDemoData(temp.db, TEST_NOW);
    const seeded = await scopeRows(temp.db);
    const records = await temp.db
      .selectFrom('entity_field')
      .select(['entity', 'entity_id'])
      .distinct()
      .where('entity', 'not in', ['school', 'municipality'])
      .execute();

    expect(seeded.size).toBe(records.length);
    // Child data by school and class; the Municipal Action Plan's records by municipality alone.
    const childData = [...seeded.values()].filter((row) => row.municipality_id === null);
    expect(childData.filter((row) => row.school_id === null || row.class_key === null)).toEqual([]);
    expect(childData.length).toBeGreaterThan(seeded.size / 2);
    await temp.db.deleteFrom('record_scope').execute();
    await rebuildRecordScopes(temp.db);
    expect(await scopeRows(temp.db)).toEqual(seeded);
  });
});
