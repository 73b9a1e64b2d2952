import { useTranslation } from 'react-i18next';
import type { AuditFailure } from './auditApi.ts';

/** Why the trail could not be read, and what to do about it. */
export function AuditFailureNotice({ failure, onRetry }: { failure: AuditFailure; onRetry: () => void }) {
  const { t } = useTranslation('audit');
  return (
    <div className="audit-notice" role="alert">
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
