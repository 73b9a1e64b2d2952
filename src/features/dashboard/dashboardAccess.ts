import type { AccessScope } from '../../domain/accessScope.ts';

/**
 * Who gets the Dashboard tab: a municipal coordinator (their municipality's
 * aggregates) and a school team or principal (their school's). Kept tiny: the
 * app shell imports it.
 */
export function seesDashboard(scope: AccessScope): boolean {
  return scope.roles.some((role) => role === 'coordinator' || role === 'schoolTeam' || role === 'principal');
}
