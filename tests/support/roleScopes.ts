import { classKeyOf, EMPTY_SCOPE, type AccessScope, type Role } from '../../src/domain/accessScope.ts';

/** The places the rule tests reach ("in") or must not reach ("out"). */
export const SCHOOL = 'school-in';
export const OTHER_SCHOOL = 'school-out';
export const CLASS = classKeyOf(5, '5/1');
export const STUDENT = 'student-in';
export const CASE = 'case-in';

export function scope(over: Partial<AccessScope>): AccessScope {
  return { ...EMPTY_SCOPE, version: 7, ...over };
}

/** One scope per role, each reaching the case of STUDENT (grade 5, class 5/1 of SCHOOL) as the server gives it. */
export const SCOPES: Record<Role, AccessScope> = {
  schoolTeam: scope({ roles: ['schoolTeam'], schoolIds: [SCHOOL] }),
  principal: scope({ roles: ['principal'], schoolIds: [SCHOOL] }),
  teacher: scope({ roles: ['teacher'], classes: [{ schoolId: SCHOOL, classKey: CLASS }] }),
  mentor: scope({ roles: ['mentor'], caseIds: [CASE], studentIds: [STUDENT] }),
  coordinator: scope({ roles: ['coordinator'], caseIds: [CASE], studentIds: [STUDENT] }),
  cswLiaison: scope({ roles: ['cswLiaison'], caseIds: [CASE], studentIds: [STUDENT] }),
  admin: scope({ roles: ['admin'] }),
};
