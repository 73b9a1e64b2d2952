import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { LazyStudentFormPage } from '../features/students/lazyStudentFormPage.ts';
import { StudentListPage } from '../features/students/StudentListPage.tsx';
import { SyncStatusBar } from '../features/sync/SyncStatusBar.tsx';
import { useSyncOverview } from '../features/sync/useSyncOverview.ts';
import { UpdatePrompt } from '../pwa/UpdatePrompt.tsx';
import { Toast } from '../ui/Toast.tsx';
import { useHashRoute, type Route } from './useHashRoute.ts';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'settings':
      return <SettingsPage />;
    case 'newStudent':
      return <LazyStudentFormPage />;
    case 'editStudent':
      return <LazyStudentFormPage studentId={route.id} />;
    case 'students':
      return <StudentListPage />;
  }
}

export function App() {
  const { t } = useTranslation();
  const route = useHashRoute();
  const { pending } = useSyncOverview();
  const current = route.name === 'settings' ? 'settings' : 'students';
  return (
    <div className="app">
      <header className="app-header">
        <p className="app-name">{t('app.name')}</p>
        <SyncStatusBar />
      </header>
      <main className="app-main">
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <Screen route={route} />
        </Suspense>
      </main>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <a href="#/students" aria-current={current === 'students' ? 'page' : undefined}>
          {t('nav.students')}
        </a>
        <a href="#/settings" aria-current={current === 'settings' ? 'page' : undefined}>
          {t('nav.settings')}
        </a>
      </nav>
      <UpdatePrompt pending={pending} />
      <Toast />
    </div>
  );
}
