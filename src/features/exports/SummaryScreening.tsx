import { useTranslation } from 'react-i18next';
import type { ScreeningWithReasons } from '../../domain/caseTimeline.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';

/** The student's latest screening: its level, and each indicator that reached a threshold, in words. */
export function SummaryScreening({ screening }: { screening: ScreeningWithReasons | undefined }) {
  const { t, i18n } = useTranslation(['exports', 'casework']);
  return (
    <section aria-labelledby="summary-screening">
      <h2 id="summary-screening">{t('summary.screening.title')}</h2>
      {screening === undefined ? (
        <p>{t('summary.screening.none')}</p>
      ) : (
        <>
          <p>
            {t('summary.screening.result', {
              level: t(`casework:level.${screening.level}`),
              date: formatIsoDate(screening.screenedOn, i18n.language),
              term: screening.term,
            })}
          </p>
          {screening.reasons.length === 0 ? (
            <p>{t('summary.screening.noneFlagged')}</p>
          ) : (
            <>
              <h3 className="card-detail">{t('summary.screening.flagged')}</h3>
              <ul className="summary-list" data-testid="summary-indicators">
                {screening.reasons.map((reason) => (
                  <li key={reason.indicator}>
                    {t(`casework:reason.${reason.indicator}`, { count: reason.value, threshold: reason.threshold })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
