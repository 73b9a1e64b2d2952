import { describe, expect, it } from 'vitest';
import { classKeyOf } from '../../../src/domain/accessScope.ts';
import { caseKeysOf, studentKeysOf } from '../../../src/domain/newRecordKeys.ts';
import type { StudentFields } from '../../../src/domain/student.ts';
import {
  caseRights,
  clashRights,
  mayCreateAt,
  mayStoreStudent,
  placesFor,
  schoolsFor,
  studentRights,
  type CaseRights,
} from '../../../src/domain/writeRights.ts';
import { CASE, CLASS, OTHER_SCHOOL, SCHOOL, SCOPES, scope, STUDENT } from '../../support/roleScopes.ts';

const SIBLING = 'student-sibling';

function fields(over: Partial<StudentFields> = {}): StudentFields {
  return {
    givenName: 'Ana',
    familyName: 'Krasniqi',
    sex: 'female',
    dateOfBirth: '2015-06-15',
    schoolId: SCHOOL,
    grade: 5,
    className: '5/1',
    community: '',
    rural: false,
    guardianName: '',
    guardianPhone: '',
    ...over,
  };
}

const student = studentKeysOf(STUDENT, fields());
const sibling = studentKeysOf(SIBLING, fields({ givenName: 'Besa' }));
const otherClass = studentKeysOf('student-5-2', fields({ className: '5/2' }));
const caseKeys = caseKeysOf(CASE, { schoolId: SCHOOL, studentId: STUDENT }, student);

const NONE: CaseRights = {
  moveOn: false,
  changeCase: false,
  recordVisit: false,
  seePlan: false,
  addPlanAction: false,
  changePlanAction: false,
  seeReferrals: false,
  refer: false,
  answerReferral: false,
};
const ALL: CaseRights = Object.fromEntries(Object.keys(NONE).map((right) => [right, true])) as unknown as CaseRights;

describe('what each role may do on a case', () => {
  it.each([
    ['schoolTeam', ALL],
    ['principal', ALL],
    // Visits, the status of plan actions and handovers; the case's own fields and new plan actions are the school team's.
    ['mentor', { ...NONE, recordVisit: true, seePlan: true, changePlanAction: true, seeReferrals: true, refer: true }],
    // Only the students, screenings, cases and status of the class: no notes, plans or referrals.
    ['teacher', NONE],
    // Only the answer to a referral made to them.
    ['coordinator', { ...NONE, seePlan: true, seeReferrals: true, answerReferral: true }],
    ['cswLiaison', { ...NONE, seePlan: true, seeReferrals: true, answerReferral: true }],
    ['admin', NONE],
  ] as const)('%s', (role, expected) => {
    expect(caseRights(SCOPES[role], caseKeys)).toEqual(expected);
  });

  it("gives the school team of another school nothing on this school's case", () => {
    expect(caseRights(scope({ roles: ['schoolTeam'], schoolIds: [OTHER_SCHOOL] }), caseKeys)).toEqual(NONE);
  });

  it('gives a mentor nothing on a case not assigned to them', () => {
    const other = caseKeysOf('case-out', { schoolId: SCHOOL, studentId: SIBLING }, sibling);
    expect(caseRights(SCOPES.mentor, other)).toEqual(NONE);
  });
});

describe('what each role may do about a student', () => {
  it('lets the school team do everything, sensitive fields included', () => {
    expect(studentRights(SCOPES.schoolTeam, student)).toEqual({
      edit: true,
      flag: true,
      screen: true,
      seeCommunity: true,
    });
  });

  it('lets a teacher edit, flag and screen the students of their class only, never seeing community', () => {
    expect(studentRights(SCOPES.teacher, student)).toEqual({
      edit: true,
      flag: true,
      screen: true,
      seeCommunity: false,
    });
    expect(studentRights(SCOPES.teacher, otherClass)).toEqual({
      edit: false,
      flag: false,
      screen: false,
      seeCommunity: false,
    });
  });

  it('lets a mentor flag a new concern for the child of their case only, not a sibling, and change nothing', () => {
    expect(studentRights(SCOPES.mentor, student)).toEqual({
      edit: false,
      flag: true,
      screen: false,
      seeCommunity: false,
    });
    expect(studentRights(SCOPES.mentor, sibling).flag).toBe(false);
  });

  it('lets a coordinator neither change nor flag the student of a referred case', () => {
    expect(studentRights(SCOPES.coordinator, student)).toEqual({
      edit: false,
      flag: false,
      screen: false,
      seeCommunity: false,
    });
  });
});

describe('where a new student or screening may be made', () => {
  it('offers the school team its schools, a teacher their class, and the other roles nothing', () => {
    expect(placesFor(SCOPES.schoolTeam, 'student')).toEqual([{ schoolId: SCHOOL, classKey: null }]);
    expect(placesFor(SCOPES.teacher, 'student')).toEqual([{ schoolId: SCHOOL, classKey: CLASS }]);
    expect(placesFor(SCOPES.teacher, 'screening')).toEqual([{ schoolId: SCHOOL, classKey: CLASS }]);
    for (const role of ['mentor', 'coordinator', 'cswLiaison', 'admin'] as const) {
      expect(placesFor(SCOPES[role], 'student')).toEqual([]);
      expect(placesFor(SCOPES[role], 'screening')).toEqual([]);
    }
    const both = scope({
      roles: ['schoolTeam', 'teacher'],
      schoolIds: [SCHOOL],
      classes: [{ schoolId: 'b', classKey: CLASS }],
    });
    expect(schoolsFor(both, 'screening')).toEqual([SCHOOL, 'b']);
  });

  it('lets a teacher screen their own class, not the next one, nor the same class at another school', () => {
    expect(mayCreateAt(SCOPES.teacher, 'screening', SCHOOL, classKeyOf(5, ' 5/1'))).toBe(true);
    expect(mayCreateAt(SCOPES.teacher, 'screening', SCHOOL, classKeyOf(5, '5/2'))).toBe(false);
    expect(mayCreateAt(SCOPES.teacher, 'screening', OTHER_SCHOOL, CLASS)).toBe(false);
    expect(mayCreateAt(SCOPES.schoolTeam, 'screening', SCHOOL, classKeyOf(9, '9/3'))).toBe(true);
  });
});

describe('whether the student form may be saved', () => {
  const stored = { id: STUDENT, fields: fields() };

  it('lets a teacher register a child in their class with community left unrecorded', () => {
    expect(mayStoreStudent(SCOPES.teacher, null, fields())).toBe(true);
    expect(mayStoreStudent(SCOPES.teacher, null, fields({ className: '5/2' }))).toBe(false);
    expect(mayStoreStudent(SCOPES.teacher, null, fields({ community: 'roma' }))).toBe(false);
  });

  it('lets a teacher edit within their class, but not move the child out of it or record community', () => {
    expect(mayStoreStudent(SCOPES.teacher, stored, fields({ guardianPhone: '+383 44 123 456' }))).toBe(true);
    expect(mayStoreStudent(SCOPES.teacher, stored, fields({ className: '5/2' }))).toBe(false);
    expect(mayStoreStudent(SCOPES.teacher, stored, fields({ community: 'roma' }))).toBe(false);
  });

  it('lets the school team move a child between its own schools, not to another', () => {
    const team = scope({ roles: ['schoolTeam'], schoolIds: [SCHOOL, 'school-b'] });
    expect(mayStoreStudent(team, stored, fields({ schoolId: 'school-b', community: 'roma' }))).toBe(true);
    expect(mayStoreStudent(team, stored, fields({ schoolId: OTHER_SCHOOL }))).toBe(false);
  });

  it('refuses every edit and registration by a mentor', () => {
    expect(mayStoreStudent(SCOPES.mentor, stored, fields({ guardianPhone: '+383 44 123 456' }))).toBe(false);
    expect(mayStoreStudent(SCOPES.mentor, null, fields())).toBe(false);
  });
});

describe('the choices on a clash', () => {
  it('lets a mentor keep a case field as shown but not write the other value back into the case', () => {
    expect(clashRights(SCOPES.mentor, caseKeys, 'caseManagerId')).toEqual({ keepShown: true, restore: false });
    expect(clashRights(SCOPES.mentor, { ...caseKeys, entity: 'planAction' }, 'dueDate')).toEqual({
      keepShown: true,
      restore: true,
    });
  });

  it('lets the school team settle a clash on community; a teacher may not touch it', () => {
    expect(clashRights(SCOPES.schoolTeam, student, 'community')).toEqual({ keepShown: true, restore: true });
    expect(clashRights(SCOPES.teacher, student, 'community')).toEqual({ keepShown: false, restore: false });
    expect(clashRights(SCOPES.teacher, student, 'guardianPhone')).toEqual({ keepShown: true, restore: true });
  });

  it('offers nothing on a clash whose record is not on the phone', () => {
    expect(clashRights(SCOPES.schoolTeam, undefined, 'guardianPhone')).toEqual({ keepShown: false, restore: false });
  });
});
