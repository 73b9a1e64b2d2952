import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { reloadPage } from '../pwa/reloadPage.ts';

interface ScreenErrorBoundaryProps {
  children: ReactNode;
}

/**
 * Keeps the shell — navigation, the sync status, the update banners — when
 * one screen fails: its code could not load (a tab left on an old version
 * after an update, docs/sync.md) or it threw while rendering. Without it
 * React unmounts the whole app and the phone shows a blank page. Keyed by
 * route by its parent, so opening another screen tries again.
 */
export class ScreenErrorBoundary extends Component<ScreenErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <ScreenFailed /> : this.props.children;
  }
}

function ScreenFailed() {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <p>{t('screenFailed')}</p>
      <button type="button" className="button" onClick={reloadPage}>
        {t('update.reload')}
      </button>
    </div>
  );
}
