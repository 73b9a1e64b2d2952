import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPhase } from '../state/syncStatusStore.ts';

interface UpdateBannerProps {
  /** Changes in the outbox not yet acknowledged by the server. */
  pending: number;
  /** What the sync loop is doing, so "Sync first" can say how it went. */
  syncPhase: SyncPhase;
  onUpdate: () => void;
  onSyncFirst: () => void;
  onLater: () => void;
}

/**
 * Offers a new version. Unsent changes are kept in IndexedDB across the
 * reload, but we never reload over them without saying so: with a non-empty
 * outbox the user sees how many wait, and can sync first or update anyway.
 */
export function UpdateBanner({ pending, syncPhase, onUpdate, onSyncFirst, onLater }: UpdateBannerProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [syncAsked, setSyncAsked] = useState(false);
  const warn = confirming && pending > 0;
  // After "Sync first", say whether it is running or failed; on success the count drops and the warning goes.
  const syncNote = warn && syncAsked ? syncNoteOf(syncPhase) : null;
  return (
    <aside className="update-prompt" aria-labelledby="update-title">
      <p id="update-title" role="status">
        {t('update.ready')}
      </p>
      {warn ? <p role="alert">{t('update.pendingWarning', { count: pending })}</p> : null}
      {syncNote === 'syncing' ? <p role="status">{t('update.syncing')}</p> : null}
      {syncNote === 'failed' ? <p role="alert">{t('update.syncFailed')}</p> : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onLater}>
          {t('update.later')}
        </button>
        {warn ? (
          <>
            <button
              type="button"
              className="button"
              disabled={syncNote === 'syncing'}
              onClick={() => {
                setSyncAsked(true);
                onSyncFirst();
              }}
            >
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

function syncNoteOf(phase: SyncPhase): 'syncing' | 'failed' | null {
  if (phase === 'syncing') return 'syncing';
  return phase === 'idle' ? null : 'failed';
}
