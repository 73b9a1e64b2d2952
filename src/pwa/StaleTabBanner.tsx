import { useTranslation } from 'react-i18next';

interface StaleTabBannerProps {
  /** Changes in the outbox not yet acknowledged by the server. */
  pending: number;
  onReload: () => void;
}

/**
 * Says that another tab installed a new version, so this tab's code is out of
 * date (its lazy chunks are gone). It asks for a reload rather than reloading:
 * the user may be halfway through a form. The outbox is in IndexedDB, so the
 * reload loses nothing queued; with changes waiting it says so.
 *
 * Imported statically, never lazily: in this state a lazy chunk of this
 * version may be the very thing that can no longer load.
 */
export function StaleTabBanner({ pending, onReload }: StaleTabBannerProps) {
  const { t } = useTranslation();
  return (
    <aside className="update-prompt" aria-labelledby="stale-tab-title">
      <p id="stale-tab-title" role="status">
        {t('update.staleTab')}
      </p>
      {pending > 0 ? <p>{t('update.staleTabPending', { count: pending })}</p> : null}
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onReload}>
          {t('update.reload')}
        </button>
      </div>
    </aside>
  );
}
