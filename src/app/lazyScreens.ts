import { lazyScreen, type LazyScreen } from '../i18n/lazyScreen.ts';
import type { Route } from './useHashRoute.ts';

// Every casework screen loads on first use with its strings and the shared casework terms.
export const LazyTodayPage = lazyScreen(
  ['casework', 'today'],
  async () => (await import('../features/today/TodayPage.tsx')).TodayPage,
);
export const LazyCaseListPage = lazyScreen(
  ['casework', 'cases', 'exports'],
  async () => (await import('../features/cases/CaseListPage.tsx')).CaseListPage,
);
export const LazyCaseViewPage = lazyScreen(
  ['casework', 'cases', 'visits', 'plans', 'screening', 'students', 'exports'],
  async () => (await import('../features/cases/CaseViewPage.tsx')).CaseViewPage,
);
export const LazyNewCasePage = lazyScreen(
  ['casework', 'cases'],
  async () => (await import('../features/cases/NewCasePage.tsx')).NewCasePage,
);
export const LazyVisitFormPage = lazyScreen(
  ['casework', 'visits'],
  async () => (await import('../features/visits/VisitFormPage.tsx')).VisitFormPage,
);
export const LazyCasePlanPage = lazyScreen(
  ['casework', 'plans'],
  async () => (await import('../features/plans/CasePlanPage.tsx')).CasePlanPage,
);
export const LazyReferralFormPage = lazyScreen(
  ['casework', 'plans'],
  async () => (await import('../features/plans/ReferralFormPage.tsx')).ReferralFormPage,
);
export const LazyClassScreeningPage = lazyScreen(
  ['casework', 'screening'],
  async () => (await import('../features/screening/ClassScreeningPage.tsx')).ClassScreeningPage,
);
export const LazyStudentScreeningsPage = lazyScreen(
  ['casework', 'screening'],
  async () => (await import('../features/screening/StudentScreeningsPage.tsx')).StudentScreeningsPage,
);
export const LazyOutboxPage = lazyScreen(
  ['casework', 'outbox'],
  async () => (await import('../features/outbox/OutboxPage.tsx')).OutboxPage,
);
export const LazyAuditTrailPage = lazyScreen(
  ['audit', 'exports'],
  async () => (await import('../features/audit/AuditTrailPage.tsx')).AuditTrailPage,
);
export const LazyStudentListPage = lazyScreen(
  ['students'],
  async () => (await import('../features/students/StudentListPage.tsx')).StudentListPage,
);
// Settings: the account, sign-out with its locked file, storage and the lock; rarely the screen a phone opens on.
export const LazySettingsPage = lazyScreen(
  ['account', 'lock', 'outbox'],
  async () => (await import('../features/settings/SettingsPage.tsx')).SettingsPage,
);
// Administration is used by few people, online, at the office: one chunk, never on anyone's first load.
export const LazyAdminScreen = lazyScreen(
  ['admin'],
  async () => (await import('../features/admin/AdminScreen.tsx')).AdminScreen,
);
// The coordinator's office (F16–F18): used at a desk, so never on a phone's first load.
export const LazyDashboardPage = lazyScreen(
  ['dashboard', 'exports', 'casework', 'students', 'map'],
  async () => (await import('../features/dashboard/DashboardPage.tsx')).DashboardPage,
);
export const LazyRosterImportPage = lazyScreen(
  ['students', 'roster'],
  async () => (await import('../features/roster/RosterImportPage.tsx')).RosterImportPage,
);
export const LazyCaseSummaryPage = lazyScreen(
  ['casework', 'cases', 'plans', 'visits', 'screening', 'exports'],
  async () => (await import('../features/exports/CaseSummaryPage.tsx')).CaseSummaryPage,
);
// The Municipal Action Plan (F21): a coordinator's, at a desk.
export const LazyMapPlansPage = lazyScreen(
  ['map'],
  async () => (await import('../features/map/MapPlansPage.tsx')).MapPlansPage,
);
export const LazyMapPlanPage = lazyScreen(
  ['map'],
  async () => (await import('../features/map/MapPlanPage.tsx')).MapPlanPage,
);
export const LazyMapReportPage = lazyScreen(
  ['map', 'mapReport', 'exports'],
  async () => (await import('../features/mapReport/MapReportPage.tsx')).MapReportPage,
);

const SCREEN_OF_ROUTE: Partial<Record<Route['name'], Pick<LazyScreen<object>, 'preload' | 'preloadCode'>>> = {
  today: LazyTodayPage,
  cases: LazyCaseListPage,
  case: LazyCaseViewPage,
  newCase: LazyNewCasePage,
  newVisit: LazyVisitFormPage,
  correctVisit: LazyVisitFormPage,
  casePlan: LazyCasePlanPage,
  newReferral: LazyReferralFormPage,
  classScreening: LazyClassScreeningPage,
  studentScreenings: LazyStudentScreeningsPage,
  outbox: LazyOutboxPage,
  audit: LazyAuditTrailPage,
  admin: LazyAdminScreen,
  settings: LazySettingsPage,
  students: LazyStudentListPage,
  dashboard: LazyDashboardPage,
  rosterImport: LazyRosterImportPage,
  caseSummary: LazyCaseSummaryPage,
  mapPlans: LazyMapPlansPage,
  mapPlan: LazyMapPlanPage,
  mapReport: LazyMapReportPage,
};

/**
 * Starts loading the screen the app opens on while the app boots: its code at
 * once, its strings once i18n is set up. Without it, the screen's chunk is
 * fetched only after the shell's first render.
 */
export function preloadScreenFor(route: Route, what: 'code' | 'everything'): void {
  const screen = SCREEN_OF_ROUTE[route.name];
  if (what === 'code') screen?.preloadCode();
  else screen?.preload();
}
