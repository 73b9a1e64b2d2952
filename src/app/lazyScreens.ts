import { lazyScreen } from '../i18n/lazyScreen.ts';

// Every casework screen loads on first use with its strings and the shared casework terms.
export const LazyTodayPage = lazyScreen(
  ['casework', 'today'],
  async () => (await import('../features/today/TodayPage.tsx')).TodayPage,
);
export const LazyCaseListPage = lazyScreen(
  ['casework', 'cases'],
  async () => (await import('../features/cases/CaseListPage.tsx')).CaseListPage,
);
export const LazyCaseViewPage = lazyScreen(
  ['casework', 'cases', 'visits', 'plans', 'screening'],
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
