import { useTranslation } from 'react-i18next';
import type { DashboardFailure } from './dashboardApi.ts';

/** Where the figures come from right now: fetching, offline, or why the server's could not be had. */
export function DashboardStatus(props: {
  online: boolean;
  fetching: boolean;
  failure: DashboardFailure | null;
  hasFigures: boolean;
  onRetry: () => void;
}) {
  const { online, fetching, failure, hasFigures, onRetry } = props;
  const { t } = useTranslation('dashboard');
  if (!online) {
    return (
      <p className="dashboard-notice" role="status">
        {hasFigures ? t('offline.snapshot') : t('offline.none')}
      </p>
    );
  }
  if (failure !== null) {
    return (
      <div className="dashboard-notice" role="alert">
        <p>{t(`failure.${failure}`)}</p>
        {failure === 'signedOut' ? (
          <a className="button" href="#/sign-in">
            {t('signInAgain')}
          </a>
        ) : failure === 'forbidden' ? null : (
          <button type="button" onClick={onRetry}>
            {t('retry')}
          </button>
        )}
      </div>
    );
  }
  return (
    <p role="status" className="dashboard-progress">
      {fetching ? t('fetching') : ''}
    </p>
  );
}
