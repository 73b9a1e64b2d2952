import type { AccessScope } from '../../domain/accessScope.ts';

/**
 * Who may open the dashboard: a municipal coordinator (their municipality's
 * aggregates) and a school team or principal (their school's). Kept tiny: the
 * app shell imports it.
 */
export function seesDashboard(scope: AccessScope): boolean {
  return scope.roles.some((role) => role === 'coordinator' || role === 'schoolTeam' || role === 'principal');
}

/**
 * Whether the dashboard is a tab: for a coordinator it is the work itself. A
 * school team's phone already has five tabs, and a sixth breaks their labels
 * mid-word at 360 px ("Случај-еви"), so the school team and principal reach it
 * from the case list (DashboardLink).
 */
export function hasDashboardTab(scope: AccessScope): boolean {
  return scope.roles.includes('coordinator');
}
