import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { requestSync } from '../sync/syncController.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Offers a new version when the service worker has one. Unsent changes are
 * kept in IndexedDB across the reload, but we never reload over them without
 * saying so: with a non-empty outbox the user sees how many wait, and can
 * sync first or update anyway.
 */
export function UpdatePrompt({ pending }: { pending: number }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update();
      }, HOUR_MS);
    },
  });

  if (!needRefresh) return null;
  const update = (): void => void updateServiceWorker(true);
  return (
    <aside className="update-prompt" role="alertdialog" aria-labelledby="update-title" aria-describedby="update-detail">
      <p id="update-title">{t('update.ready')}</p>
      {confirming && pending > 0 ? (
        <p id="update-detail">{t('update.pendingWarning', { count: pending })}</p>
      ) : (
        <p id="update-detail" hidden />
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setNeedRefresh(false)}>
          {t('update.later')}
        </button>
        {confirming && pending > 0 ? (
          <>
            <button type="button" className="button" onClick={() => requestSync('now')}>
              {t('update.syncFirst')}
            </button>
            <button type="button" className="button button-primary" onClick={update}>
              {t('update.installAnyway')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-primary"
            onClick={() => (pending > 0 ? setConfirming(true) : update())}
          >
            {t('update.install')}
          </button>
        )}
      </div>
    </aside>
  );
}
