import { describe, expect, it } from 'vitest';
import {
  canRead,
  canWrite,
  classKeyOf,
  EMPTY_SCOPE,
  hiddenFields,
  isMentorFlag,
  isRole,
  isSensitiveField,
  type RecordKeys,
  type Role,
} from '../../../src/domain/accessScope.ts';
import { CASE, CLASS, OTHER_SCHOOL, SCHOOL, SCOPES, scope, STUDENT } from '../../support/roleScopes.ts';

const OTHER_CLASS = classKeyOf(5, '5/2');

/** The record kinds of the matrix; a clash record about a student differs from one about a case's records. */
const KINDS = [
  'student',
  'screening',
  'case',
  'caseEvent',
  'homeVisit',
  'planAction',
  'referral',
  'conflictOnStudent',
  'conflictOnCase',
] as const;
type Kind = (typeof KINDS)[number];

function keysFor(kind: Kind, inScope: boolean): RecordKeys {
  const entity = kind.startsWith('conflict') ? 'conflict' : kind;
  const aboutCase = !['student', 'screening', 'conflictOnStudent'].includes(kind);
  return inScope
    ? { entity, schoolId: SCHOOL, classKey: CLASS, studentId: STUDENT, caseId: aboutCase ? CASE : null }
    : {
        entity,
        schoolId: OTHER_SCHOOL,
        classKey: OTHER_CLASS,
        studentId: 'student-out',
        caseId: aboutCase ? 'case-out' : null,
      };
}

const ALL: readonly Kind[] = KINDS;
const SCHOOL_RIGHTS = {
  read: ALL,
  create: ['student', 'screening', 'case', 'caseEvent', 'homeVisit', 'planAction', 'referral'],
  set: ['student', 'case', 'planAction', 'referral', 'conflictOnStudent', 'conflictOnCase'],
} as const;
const CASE_READS: readonly Kind[] = [
  'student',
  'case',
  'caseEvent',
  'homeVisit',
  'planAction',
  'referral',
  'conflictOnCase',
];

/** docs/accounts.md's role table, written out record kind by record kind. */
const EXPECTED: Record<Role, { read: readonly Kind[]; create: readonly Kind[]; set: readonly Kind[] }> = {
  schoolTeam: SCHOOL_RIGHTS,
  principal: SCHOOL_RIGHTS,
  teacher: {
    read: ['student', 'screening', 'case', 'caseEvent', 'conflictOnStudent'],
    create: ['student', 'screening', 'case', 'caseEvent'],
    set: ['student', 'conflictOnStudent'],
  },
  // The mentor's case create is the flag of a new concern about a student of one of their cases.
  mentor: {
    read: CASE_READS,
    create: ['case', 'caseEvent', 'homeVisit', 'referral'],
    set: ['planAction', 'conflictOnCase'],
  },
  coordinator: { read: CASE_READS, create: [], set: ['referral', 'conflictOnCase'] },
  cswLiaison: { read: CASE_READS, create: [], set: ['referral', 'conflictOnCase'] },
  admin: { read: [], create: [], set: [] },
};

describe('access rules: role × record × operation', () => {
  const roles = Object.keys(SCOPES) as Role[];
  for (const role of roles) {
    for (const kind of KINDS) {
      const expected = EXPECTED[role];
      it(`${role} · ${kind}: in scope read ${expected.read.includes(kind)}, create ${expected.create.includes(kind)}, set ${expected.set.includes(kind)}; out of scope nothing`, () => {
        const own = SCOPES[role];
        const inside = keysFor(kind, true);
        const outside = keysFor(kind, false);
        expect(canRead(own, inside)).toBe(expected.read.includes(kind));
        expect(canWrite(own, 'create', inside)).toBe(expected.create.includes(kind));
        expect(canWrite(own, 'set', inside)).toBe(expected.set.includes(kind));
        expect([canRead(own, outside), canWrite(own, 'create', outside), canWrite(own, 'set', outside)]).toEqual([
          false,
          false,
          false,
        ]);
      });
    }
  }

  it('gives everyone, admin and no role at all included, the places', () => {
    for (const entity of ['school', 'municipality']) {
      const keys = { entity, schoolId: null, classKey: null, studentId: null, caseId: null };
      expect(canRead(EMPTY_SCOPE, keys)).toBe(true);
      expect(canWrite(SCOPES.schoolTeam, 'create', keys)).toBe(false);
    }
  });

  it('counts a role only where its own access reaches: a teacher who mentors elsewhere', () => {
    const both = scope({
      roles: ['teacher', 'mentor'],
      classes: [{ schoolId: SCHOOL, classKey: CLASS }],
      caseIds: ['case-elsewhere'],
      studentIds: ['student-elsewhere'],
    });
    const classVisit = keysFor('homeVisit', true);
    const assignedVisit = { ...keysFor('homeVisit', false), caseId: 'case-elsewhere' };
    expect(canWrite(both, 'create', classVisit)).toBe(false);
    expect(canWrite(both, 'create', assignedVisit)).toBe(true);
    // The teacher role does not screen in the mentee's school.
    const menteeScreening = { ...keysFor('screening', false), studentId: 'student-elsewhere' };
    expect(canWrite(both, 'create', menteeScreening)).toBe(false);
  });

  it("lets a teacher's class, not a mentor's student, reach a clash about a student", () => {
    const clash = keysFor('conflictOnStudent', true);
    expect(canRead(SCOPES.teacher, clash)).toBe(true);
    expect(canRead(SCOPES.mentor, clash)).toBe(false);
    expect(canRead(SCOPES.teacher, { ...clash, classKey: null })).toBe(false);
  });
});

describe('isMentorFlag', () => {
  const newCase = { entity: 'case', schoolId: SCHOOL, classKey: CLASS, studentId: STUDENT, caseId: 'case-new' };
  it("is a mentor's new case for a student of one of their cases", () => {
    expect(isMentorFlag(SCOPES.mentor, 'create', newCase)).toBe(true);
    expect(canWrite(SCOPES.mentor, 'create', newCase)).toBe(true);
  });
  it('is not a set, another student, another record type, or another role', () => {
    expect(isMentorFlag(SCOPES.mentor, 'set', newCase)).toBe(false);
    expect(isMentorFlag(SCOPES.mentor, 'create', { ...newCase, studentId: 'sibling' })).toBe(false);
    expect(canWrite(SCOPES.mentor, 'create', { ...newCase, studentId: 'sibling' })).toBe(false);
    expect(isMentorFlag(SCOPES.mentor, 'create', { ...newCase, entity: 'screening', caseId: null })).toBe(false);
    expect(isMentorFlag(SCOPES.coordinator, 'create', newCase)).toBe(false);
  });
});

describe('hiddenFields', () => {
  const student = keysFor('student', true);
  it("hides a student's community from everyone but the school team and principal of the student's school", () => {
    expect(hiddenFields(SCOPES.schoolTeam, student)).toEqual([]);
    expect(hiddenFields(SCOPES.principal, student)).toEqual([]);
    for (const role of ['teacher', 'mentor', 'coordinator', 'cswLiaison', 'admin'] as const) {
      expect(hiddenFields(SCOPES[role], student)).toEqual(['community']);
    }
    expect(hiddenFields(SCOPES.schoolTeam, keysFor('student', false))).toEqual(['community']);
  });
  it('hides nothing of other record types', () => {
    for (const kind of KINDS.filter((item) => item !== 'student')) {
      expect(hiddenFields(SCOPES.teacher, keysFor(kind, true))).toEqual([]);
    }
    expect(isSensitiveField('student', 'community')).toBe(true);
    expect(isSensitiveField('student', 'givenName')).toBe(false);
    expect(isSensitiveField('case', 'community')).toBe(false);
  });
});

describe('classKeyOf and isRole', () => {
  it('makes the same key whatever the spacing or case of the class name', () => {
    expect(classKeyOf(5, ' 5/A ')).toBe(classKeyOf(5, '5/a'));
    expect(classKeyOf(5, '5/1')).not.toBe(classKeyOf(6, '5/1'));
  });
  it('knows the seven roles only', () => {
    expect(['mentor', 'teacher', 'schoolTeam', 'principal', 'coordinator', 'cswLiaison', 'admin'].every(isRole)).toBe(
      true,
    );
    expect(isRole('superuser')).toBe(false);
    expect(isRole(3)).toBe(false);
  });
});
