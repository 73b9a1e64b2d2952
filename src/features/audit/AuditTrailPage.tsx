import { useTranslation } from 'react-i18next';
import type { Language } from '../../domain/localizedName.ts';
import { useDeviceAccount } from '../account/useDeviceAccount.ts';
import { mayReadAudit } from './auditAccess.ts';
import './audit.css';
import { AuditEventCard } from './AuditEventCard.tsx';
import { AuditFailureNotice } from './AuditFailureNotice.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { useAuditPlaces } from './useAuditPlaces.ts';
import { useAuditTrail } from './useAuditTrail.ts';

/**
 * Settings → Audit trail (docs/accounts.md, "Audit"): who signed in, and who
 * read or changed which case, when — for a coordinator their municipality's
 * events, for an administrator all. Read from the server a page at a time;
 * nothing of it is kept on the phone.
 */
export function AuditTrailPage() {
  const { t } = useTranslation('audit');
  const account = useDeviceAccount();
  if (account === undefined) return <p role="status">{t('loading')}</p>;
  const roles = account?.scope.roles ?? [];
  return (
    <section className="page audit" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('title')}</h1>
      {mayReadAudit(roles) ? (
        <AuditTrail intro={roles.includes('admin') ? t('intro.admin') : t('intro.coordinator')} />
      ) : (
        <p className="audit-notice">{t('notAllowed')}</p>
      )}
      <p>
        <a href="#/settings">{t('backToSettings')}</a>
      </p>
    </section>
  );
}

function AuditTrail({ intro }: { intro: string }) {
  const { t, i18n } = useTranslation('audit');
  const trail = useAuditTrail();
  const places = useAuditPlaces(trail.events, i18n.language as Language);
  const { events, loading, failure, online } = trail;
  return (
    <>
      <p>{intro}</p>
      {online ? null : (
        <p className="audit-notice" role="status">
          {t('offline')}
        </p>
      )}
      <AuditFilters
        key={JSON.stringify(trail.query)}
        query={trail.query}
        people={trail.people}
        disabled={!online}
        onApply={trail.setQuery}
      />
      <p role="status" className="audit-progress">
        {loading === 'first' ? t('loading') : loading === 'older' ? t('loadingOlder') : ''}
      </p>
      {failure !== null && online ? <AuditFailureNotice failure={failure} onRetry={trail.retry} /> : null}
      {loading !== 'first' && failure === null && online && events.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : null}
      {events.length > 0 ? (
        <ol className="audit-events" aria-label={t('listLabel')} aria-busy={loading !== null}>
          {events.map((event) => (
            <AuditEventCard
              key={event.id}
              event={event}
              people={trail.people}
              organisations={trail.organisations}
              places={places}
              onOnlyCase={(caseId) => trail.setQuery({ caseId })}
            />
          ))}
        </ol>
      ) : null}
      {events.length > 0 && trail.hasMore ? (
        <p>
          <button type="button" onClick={trail.showOlder} disabled={!online || loading !== null}>
            {loading === 'older' ? t('loadingOlder') : t('showOlder')}
          </button>
        </p>
      ) : null}
      {events.length > 0 && !trail.hasMore && loading === null ? <p className="empty">{t('end')}</p> : null}
    </>
  );
}
