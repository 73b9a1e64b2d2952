import { describe, expect, it } from 'vitest';
import { classKeyOf, type RecordKeys } from '../../../src/domain/accessScope.ts';
import {
  caseChildKeys,
  caseKeysOf,
  caseRecordKeys,
  clashKeysOf,
  newCaseKeys,
  screeningKeysOf,
  studentKeysOf,
} from '../../../src/domain/newRecordKeys.ts';
import { keysOf, type ParentKeys } from '../../../src/server/sync/recordKeys.ts';

const SCHOOL = 'school-a';
const STUDENT = 'student-1';
const CASE = 'case-1';
const student = studentKeysOf(STUDENT, { schoolId: SCHOOL, grade: 5, className: ' 5/1 ' });
const caseKeys = caseKeysOf(CASE, { schoolId: SCHOOL, studentId: STUDENT }, student);

/** The server's record_scope as a map: what keysOf reads a parent's keys from. */
function storedParents(rows: readonly RecordKeys[]): ParentKeys {
  return (entity, id) =>
    Promise.resolve(rows.find((row) => row.entity === entity && (row.caseId ?? row.studentId) === id));
}
const parents = storedParents([student, caseKeys]);

describe('keys of new records, as the server works them out', () => {
  it('places a student by its school and class, whatever the spacing or case of the class name', async () => {
    expect(student).toEqual({
      entity: 'student',
      schoolId: SCHOOL,
      classKey: classKeyOf(5, '5/1'),
      studentId: STUDENT,
      caseId: null,
    });
    const fields = { schoolId: SCHOOL, grade: 5, className: ' 5/1 ' };
    expect(await keysOf('student', STUDENT, fields, parents)).toEqual(student);
  });

  it("places a case at its own school, in its student's class", async () => {
    expect(caseKeys).toEqual({
      entity: 'case',
      schoolId: SCHOOL,
      classKey: classKeyOf(5, '5/1'),
      studentId: STUDENT,
      caseId: CASE,
    });
    expect(await keysOf('case', CASE, { schoolId: SCHOOL, studentId: STUDENT }, parents)).toEqual(caseKeys);
  });

  it("gives a new flag its student's school and class, and so the same keys the server gives it", async () => {
    const flag = newCaseKeys(student, 'case-2');
    expect(flag).toEqual({ ...caseKeys, caseId: 'case-2' });
    expect(await keysOf('case', 'case-2', { schoolId: SCHOOL, studentId: STUDENT }, parents)).toEqual(flag);
    expect(newCaseKeys(student).caseId).toBeNull();
  });

  it("gives a new visit, plan action, referral or status event its case's keys", async () => {
    for (const entity of ['homeVisit', 'planAction', 'referral', 'caseEvent'] as const) {
      const keys = caseChildKeys(entity, CASE, caseKeys);
      expect(keys).toEqual({ ...caseKeys, entity });
      expect(await keysOf(entity, 'new-id', { caseId: CASE }, parents)).toEqual(keys);
    }
  });

  it("gives a new screening its student's keys and no case", async () => {
    const keys = screeningKeysOf(STUDENT, student);
    expect(keys).toEqual({ ...student, entity: 'screening' });
    expect(await keysOf('screening', 'new-id', { studentId: STUDENT }, parents)).toEqual(keys);
  });

  it('names only the parent when the parent is not known, as the server does', async () => {
    expect(caseChildKeys('homeVisit', 'case-gone', undefined)).toEqual(
      await keysOf('homeVisit', 'new-id', { caseId: 'case-gone' }, parents),
    );
    expect(screeningKeysOf('student-gone', undefined)).toEqual(
      await keysOf('screening', 'new-id', { studentId: 'student-gone' }, parents),
    );
    expect(caseChildKeys('homeVisit', 'case-gone', undefined)).toMatchObject({ schoolId: null, caseId: 'case-gone' });
  });

  it('files a clash where its record is, without the class when the field is special-category data', async () => {
    const onPhone = clashKeysOf(student, 'guardianPhone');
    expect(onPhone).toEqual({ ...student, entity: 'conflict' });
    const onCommunity = clashKeysOf(student, 'community');
    expect(onCommunity).toEqual({ ...student, entity: 'conflict', classKey: null });
    for (const [field, expected] of [
      ['guardianPhone', onPhone],
      ['community', onCommunity],
    ] as const) {
      const values = { recordEntity: 'student', recordId: STUDENT, field };
      expect(await keysOf('conflict', 'clash-id', values, parents)).toEqual(expected);
    }
  });

  it("finds the record a case's clash is about: the case, its student, its plan actions and referrals", () => {
    const keys = { caseKeys, studentKeys: student };
    expect(caseRecordKeys('case', keys)).toBe(caseKeys);
    expect(caseRecordKeys('student', keys)).toBe(student);
    expect(caseRecordKeys('planAction', keys)).toEqual({ ...caseKeys, entity: 'planAction' });
    expect(caseRecordKeys('referral', keys)).toEqual({ ...caseKeys, entity: 'referral' });
    expect(caseRecordKeys('homeVisit', keys)).toBeUndefined();
  });
});
