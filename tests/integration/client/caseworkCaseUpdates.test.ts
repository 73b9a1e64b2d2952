import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  casesForStudent,
  listCases,
  recordCaseReview,
  setCaseManager,
  transitionCase,
} from '../../../src/storage/caseRepository.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { freshDatabase, makeStudentFields } from '../../support/clientFixtures.ts';
import { flagCaseOn, openCaseOn, outboxAfterStudent } from '../../support/caseworkDevice.ts';
import { deviceSnapshot } from '../../support/deviceSnapshot.ts';

let db: UraDatabase;
let studentId: string;

beforeEach(async () => {
  db = freshDatabase();
  studentId = await createStudent(db, makeStudentFields());
});

afterEach(async () => {
  await db.delete();
});

describe('case updates', () => {
  it('syncs a new case manager as a set of that field alone', async () => {
    const id = await openCaseOn(db, studentId);
    const other = newRecordId();
    expect(await setCaseManager(db, id, other)).toMatchObject({ ok: true, case: { caseManagerId: other } });
    const last = (await outboxAfterStudent(db)).at(-1);
    expect(last).toMatchObject({ entity: 'case', entityId: id, op: 'set', fields: { caseManagerId: other } });
    expect(Object.keys(last?.fields ?? {})).toEqual(['caseManagerId']);
  });

  it('refuses a case manager on a closed case and writes nothing', async () => {
    const id = await openCaseOn(db, studentId);
    await transitionCase(db, id, 'closed', { at: '2026-11-10', closureReason: 'attendanceNormal' });
    const before = await deviceSnapshot(db);
    expect(await setCaseManager(db, id, newRecordId())).toEqual({ ok: false, code: 'caseClosed' });
    expect(await deviceSnapshot(db)).toEqual(before);
  });

  it('records a review only while a plan is active', async () => {
    const id = await openCaseOn(db, studentId);
    const before = await deviceSnapshot(db);
    expect(await recordCaseReview(db, id, '2026-11-20')).toEqual({ ok: false, code: 'reviewNotAllowed' });
    expect(await deviceSnapshot(db)).toEqual(before);

    await transitionCase(db, id, 'assessed', { at: '2026-11-05' });
    await transitionCase(db, id, 'planActive', { at: '2026-11-06' });
    expect(await recordCaseReview(db, id, '2026-11-20')).toMatchObject({
      ok: true,
      case: { lastReviewedAt: '2026-11-20' },
    });
    expect((await outboxAfterStudent(db)).at(-1)).toMatchObject({
      op: 'set',
      fields: { lastReviewedAt: '2026-11-20' },
    });
  });

  it('lists cases by status and by student', async () => {
    const open = await openCaseOn(db, studentId);
    const flag = await flagCaseOn(db, studentId);
    expect((await listCases(db, 'flagged')).map((row) => row.id)).toEqual([flag]);
    expect((await listCases(db)).map((row) => row.id).sort()).toEqual([open, flag].sort());
    expect(await casesForStudent(db, studentId)).toHaveLength(2);
    expect(await casesForStudent(db, newRecordId())).toEqual([]);
  });
});
