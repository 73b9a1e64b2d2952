import type { AccessScope } from '../../domain/accessScope.ts';

/** Whether the person administers accounts (the Administration tab). Kept tiny: the app shell imports it. */
export function holdsAdminRole(scope: AccessScope): boolean {
  return scope.roles.includes('admin');
}

/** An administrator and nothing else: no child data reaches them, so home is Administration, not Today. */
export function isAdministratorOnly(scope: AccessScope): boolean {
  return scope.roles.length > 0 && scope.roles.every((role) => role === 'admin');
}

/** Whether the server lets the person give cases to mentors (the school team or principal of the case's school). */
export function mayAssignCases(scope: AccessScope): boolean {
  return scope.roles.some((role) => role === 'schoolTeam' || role === 'principal');
}
