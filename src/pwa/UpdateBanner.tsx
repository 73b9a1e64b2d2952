import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface UpdateBannerProps {
  /** Changes in the outbox not yet acknowledged by the server. */
  pending: number;
  onUpdate: () => void;
  onSyncFirst: () => void;
  onLater: () => void;
}

/**
 * Offers a new version. Unsent changes are kept in IndexedDB across the
 * reload, but we never reload over them without saying so: with a non-empty
 * outbox the user sees how many wait, and can sync first or update anyway.
 */
export function UpdateBanner({ pending, onUpdate, onSyncFirst, onLater }: UpdateBannerProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const warn = confirming && pending > 0;
  return (
    <aside className="update-prompt" aria-labelledby="update-title">
      <p id="update-title" role="status">
        {t('update.ready')}
      </p>
      {warn ? <p role="alert">{t('update.pendingWarning', { count: pending })}</p> : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onLater}>
          {t('update.later')}
        </button>
        {warn ? (
          <>
            <button type="button" className="button" onClick={onSyncFirst}>
              {t('update.syncFirst')}
            </button>
            <button type="button" className="button button-primary" onClick={onUpdate}>
              {t('update.installAnyway')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-primary"
            onClick={() => (pending > 0 ? setConfirming(true) : onUpdate())}
          >
            {t('update.install')}
          </button>
        )}
      </div>
    </aside>
  );
}
