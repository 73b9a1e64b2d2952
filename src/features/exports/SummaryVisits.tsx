import { useTranslation } from 'react-i18next';
import type { VisitEntry } from '../../domain/caseTimeline.ts';
import type { AgreedAction } from '../../domain/homeVisit.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';

/** The latest visits fit on two pages; the rest are counted, and read in the app. */
export const SUMMARY_VISITS = 6;

/**
 * Home visits: the day, how it went, what was agreed and the next visit. A
 * safeguarding concern is a yes or no only: its details never leave the
 * note (homeVisit.ts), and nothing else of the note is printed either.
 */
export function SummaryVisits({ visits }: { visits: readonly VisitEntry[] }) {
  const { t, i18n } = useTranslation(['exports', 'casework']);
  const date = (iso: string) => formatIsoDate(iso, i18n.language);
  const shown = visits.slice(-SUMMARY_VISITS);
  const earlier = visits.length - shown.length;
  const agreed = (action: AgreedAction) =>
    action.byDate
      ? t('summary.visits.agreedBy', { what: action.what, who: action.who, date: date(action.byDate) })
      : t('summary.visits.agreedWho', { what: action.what, who: action.who });
  return (
    <section aria-labelledby="summary-visits">
      <h2 id="summary-visits">{t('summary.visits.title')}</h2>
      {visits.length === 0 ? <p>{t('summary.visits.none')}</p> : null}
      {earlier > 0 ? <p className="summary-notice">{t('summary.visits.earlier', { count: earlier })}</p> : null}
      {shown.length > 0 ? (
        <ul className="summary-list" data-testid="summary-visits">
          {shown.map(({ visit }) => (
            <li key={visit.id}>
              <strong>{date(visit.visitDate)}</strong>
              {' — '}
              {t(`casework:visitOutcome.${visit.outcome}`)}
              <span className="summary-line">
                {t('summary.visits.safeguarding', {
                  answer: t(visit.safeguardingConcern ? 'summary.visits.yes' : 'summary.visits.no'),
                })}
              </span>
              <span className="summary-line">
                {visit.agreedActions.length === 0
                  ? t('summary.visits.noneAgreed')
                  : `${t('summary.visits.agreed')}: ${visit.agreedActions.map(agreed).join('; ')}`}
              </span>
              <span className="summary-line">
                {visit.nextVisitDate
                  ? t('summary.visits.nextVisit', { date: date(visit.nextVisitDate) })
                  : t('summary.visits.noNextVisit')}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
