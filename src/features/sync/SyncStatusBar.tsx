import { useTranslation } from 'react-i18next';
import { formatWhen } from '../../i18n/formatDate.ts';
import { requestSync } from '../../sync/syncController.ts';
import { UnsyncedWarning } from './UnsyncedWarning.tsx';
import { useSyncOverview } from './useSyncOverview.ts';

/**
 * Always visible: online or offline, what waits to sync, when the last sync
 * succeeded, a warning once unsynced work is days old, and — once the session
 * ended — that signing in again resumes it.
 */
export function SyncStatusBar() {
  const { t, i18n } = useTranslation();
  const { isOnline, phase, pending, rejected, lastSyncAt, oldestPendingAt, received, sessionProblem } =
    useSyncOverview();
  const phaseText =
    phase === 'syncing'
      ? received > 0
        ? t('status.received', { count: received })
        : t('status.syncing')
      : phase === 'failed' && sessionProblem === null
        ? t('status.syncFailed')
        : phase === 'updateRequired'
          ? t('status.updateRequired')
          : undefined;
  return (
    <section className="status-bar" aria-label={t('status.label')} data-testid="sync-status">
      <div className="status-text">
        <p className="status-line" role="status">
          <span className={isOnline ? 'dot dot-online' : 'dot dot-offline'} aria-hidden="true" />
          <span data-testid="online-state">{isOnline ? t('status.online') : t('status.offline')}</span>
          <span aria-hidden="true"> · </span>
          <span data-testid="pending-count" data-count={pending}>
            {t('status.pending', { count: pending })}
          </span>
        </p>
        <p className="status-line status-detail">
          <span data-testid="last-sync" data-synced-at={lastSyncAt ?? 0}>
            {lastSyncAt
              ? t('status.lastSync', { time: formatWhen(lastSyncAt, i18n.language) })
              : t('status.neverSynced')}
          </span>
          {phaseText ? <span> · {phaseText}</span> : null}
          {rejected > 0 ? <span className="status-warning"> · {t('status.rejected', { count: rejected })}</span> : null}
          {pending > 0 || rejected > 0 ? (
            <>
              <span aria-hidden="true"> · </span>
              <a className="status-outbox-link" href="#/outbox">
                {t('status.seeOutbox')}
              </a>
            </>
          ) : null}
        </p>
        <UnsyncedWarning pending={pending} oldestAt={oldestPendingAt} />
        {sessionProblem === 'signedOut' ? (
          <p className="status-line status-warning" data-testid="signed-out">
            {t('status.signedOut')}
            <span aria-hidden="true"> · </span>
            <a className="status-outbox-link" href="#/sign-in">
              {t('status.signInAgain')}
            </a>
          </p>
        ) : null}
      </div>
      <button type="button" className="button-small" onClick={() => requestSync('now')} disabled={phase === 'syncing'}>
        {t('status.syncNow')}
      </button>
    </section>
  );
}
