import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeviceAccount } from '../features/account/useDeviceAccount.ts';
import { holdsAdminRole, isAdministratorOnly } from '../features/admin/adminAccess.ts';
import { hasDashboardTab } from '../features/dashboard/dashboardAccess.ts';
import { forgetLastClass } from '../features/screening/classSession.ts';
import { LazyStudentFormPage } from '../features/students/lazyStudentFormPage.ts';
import { SyncStatusBar } from '../features/sync/SyncStatusBar.tsx';
import { useSyncOverview } from '../features/sync/useSyncOverview.ts';
import { UpdatePrompt } from '../pwa/UpdatePrompt.tsx';
import { placesFor } from '../domain/placeRights.ts';
import { setWorkerFromAccount } from '../state/workerStore.ts';
import type { DeviceAccount } from '../storage/accountRepository.ts';
import { Toast } from '../ui/Toast.tsx';
import {
  LazyAdminScreen,
  LazyAuditTrailPage,
  LazyCaseListPage,
  LazyCasePlanPage,
  LazyCaseViewPage,
  LazyCaseSummaryPage,
  LazyClassScreeningPage,
  LazyDashboardPage,
  LazyMapPlanPage,
  LazyMapPlansPage,
  LazyMapReportPage,
  LazyNewCasePage,
  LazyOutboxPage,
  LazyReferralFormPage,
  LazyRosterImportPage,
  LazySettingsPage,
  LazyStudentListPage,
  LazyStudentScreeningsPage,
  LazyTodayPage,
  LazyVisitFormPage,
} from './lazyScreens.ts';
import { LazyAcceptInvitationPage, LazySignInPage } from './lazyAccessScreens.ts';
import { LockGate } from './LockGate.tsx';
import { ScreenErrorBoundary } from './ScreenErrorBoundary.tsx';
import { sectionOf, useHashRoute, type Route, type Section } from './useHashRoute.ts';

function Screen({ route, account }: { route: Route; account: DeviceAccount }) {
  // Administration is for administrators: anyone else who types its address lands on Today.
  if (sectionOf(route) === 'admin' && !holdsAdminRole(account.scope)) return <LazyTodayPage />;
  switch (route.name) {
    case 'signIn':
      return <LazySignInPage account={account} />;
    // An invitation is for a phone nobody is signed in on; here its link leads home.
    case 'invitation':
    case 'today':
      // No child data reaches an administrator: their home is Administration.
      return isAdministratorOnly(account.scope) ? <LazyAdminScreen view={{ screen: 'home' }} /> : <LazyTodayPage />;
    case 'settings':
      return <LazySettingsPage />;
    case 'students':
      return <LazyStudentListPage />;
    case 'newStudent':
      return <LazyStudentFormPage />;
    case 'rosterImport':
      return <LazyRosterImportPage />;
    case 'editStudent':
      return <LazyStudentFormPage studentId={route.id} />;
    case 'studentScreenings':
      return <LazyStudentScreeningsPage studentId={route.studentId} />;
    case 'cases':
      return <LazyCaseListPage />;
    case 'newCase':
      return <LazyNewCasePage studentId={route.studentId} />;
    case 'case':
      return <LazyCaseViewPage caseId={route.id} />;
    case 'newVisit':
      return <LazyVisitFormPage caseId={route.caseId} />;
    case 'correctVisit':
      return <LazyVisitFormPage caseId={route.caseId} correctionOf={route.visitId} />;
    case 'casePlan':
      return <LazyCasePlanPage caseId={route.caseId} />;
    case 'caseSummary':
      return <LazyCaseSummaryPage caseId={route.caseId} />;
    case 'newReferral':
      return <LazyReferralFormPage caseId={route.caseId} />;
    case 'classScreening':
      return <LazyClassScreeningPage />;
    case 'dashboard':
      return <LazyDashboardPage />;
    case 'mapPlans':
      return <LazyMapPlansPage />;
    case 'mapPlan':
      return <LazyMapPlanPage planId={route.planId} />;
    case 'mapReport':
      return <LazyMapReportPage planId={route.planId} />;
    case 'outbox':
      return <LazyOutboxPage />;
    case 'audit':
      return <LazyAuditTrailPage />;
    case 'admin':
      return <LazyAdminScreen view={route.view} />;
  }
}

const NAV_ITEMS: readonly { section: Section; href: string }[] = [
  { section: 'today', href: '#/today' },
  { section: 'cases', href: '#/cases' },
  { section: 'students', href: '#/students' },
  { section: 'screening', href: '#/screening' },
  { section: 'dashboard', href: '#/dashboard' },
  { section: 'admin', href: '#/admin' },
  { section: 'settings', href: '#/settings' },
];

/**
 * The tabs a person can use: screening only for a role that screens somewhere (a teacher, the school team);
 * Administration only for an administrator, who — holding no other role — sees no child data and gets
 * Administration and Settings alone.
 */
function navItemsFor(account: DeviceAccount): readonly { section: Section; href: string }[] {
  const screens = placesFor(account.scope, 'screening').length > 0;
  const administers = holdsAdminRole(account.scope);
  const adminOnly = isAdministratorOnly(account.scope);
  return NAV_ITEMS.filter(({ section }) => {
    if (section === 'admin') return administers;
    if (adminOnly) return section === 'settings';
    if (section === 'dashboard') return hasDashboardTab(account.scope);
    return section !== 'screening' || screens;
  });
}

/** The app once someone is signed in: the status bar, the screen of the route and the tabs. */
function SignedInApp({ account }: { account: DeviceAccount }) {
  const { t } = useTranslation();
  const route = useHashRoute();
  const { pending } = useSyncOverview();
  const items = navItemsFor(account);
  const section = sectionOf(route);
  // A school team opens the dashboard from the case list, which has no tab of its own: Cases stays lit.
  const current = section === 'dashboard' && !items.some((item) => item.section === section) ? 'cases' : section;
  return (
    <div className="app">
      <header className="app-header">
        <p className="app-name">{t('app.name')}</p>
        <SyncStatusBar />
      </header>
      <main className="app-main">
        {/* Keyed by route so a screen's form state never leaks into the next case or student, nor its failure. */}
        <ScreenErrorBoundary key={JSON.stringify(route)}>
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <Screen route={route} account={account} />
          </Suspense>
        </ScreenErrorBoundary>
      </main>
      <nav className="app-nav" aria-label={t('nav.label')}>
        {items.map((item) => (
          <a key={item.section} href={item.href} aria-current={current === item.section ? 'page' : undefined}>
            {t(`nav.${item.section}`)}
          </a>
        ))}
      </nav>
      <UpdatePrompt pending={pending} />
      <Toast />
    </div>
  );
}

/**
 * The first screen of a new (or wiped) device: signing in, or choosing one's
 * password with an invitation code first, and nothing else reachable.
 */
function SignedOutApp() {
  const { t } = useTranslation();
  const route = useHashRoute();
  useEffect(forgetLastClass, []);
  return (
    <div className="app">
      <header className="app-header">
        <p className="app-name">{t('app.name')}</p>
      </header>
      <main className="app-main">
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          {route.name === 'invitation' ? <LazyAcceptInvitationPage /> : <LazySignInPage account={null} />}
        </Suspense>
      </main>
      <UpdatePrompt pending={0} />
      <Toast />
    </div>
  );
}

/**
 * Gates the app on the account stored on this phone (docs/accounts.md): while
 * it loads, only the app's name; with none, the sign-in screen alone; with
 * one, the app, whose screens take the person's name and role from it.
 */
function AccountGate() {
  const { t } = useTranslation();
  const account = useDeviceAccount();
  useEffect(() => {
    if (account !== undefined) setWorkerFromAccount(account);
  }, [account]);
  if (account === undefined) {
    return (
      <div className="app" aria-busy="true">
        <header className="app-header">
          <p className="app-name">{t('app.name')}</p>
        </header>
        <main className="app-main">
          <p role="status">{t('loading')}</p>
        </main>
      </div>
    );
  }
  return account === null ? <SignedOutApp /> : <SignedInApp account={account} />;
}

/** The app: behind the lock (LockGate.tsx), then the account gate above. */
export function App() {
  return (
    <LockGate>
      <AccountGate />
    </LockGate>
  );
}
