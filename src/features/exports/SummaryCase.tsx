import { useTranslation } from 'react-i18next';
import type { Language } from '../../domain/localizedName.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import type { CaseView } from '../../storage/caseTimelineQuery.ts';
import { STAGE_DATES } from './summaryContent.ts';

/** Where the case stands: its status, the day it reached each stage, and the protocol deadlines still to meet. */
export function SummaryCase({ view, today }: { view: CaseView; today: string }) {
  const { t, i18n } = useTranslation(['exports', 'casework']);
  const language = i18n.language as Language;
  const { caseRecord, deadlines } = view;
  const date = (iso: string) => formatIsoDate(iso, language);
  const stages = STAGE_DATES.flatMap((stage) => {
    const reached = caseRecord[stage];
    return reached ? [{ stage, reached }] : [];
  });
  return (
    <section aria-labelledby="summary-case">
      <h2 id="summary-case">{t('summary.case.title')}</h2>
      <dl className="summary-facts">
        <dt>{t('summary.case.status')}</dt>
        <dd>{t(`casework:status.${caseRecord.status}`)}</dd>
        <dt>{t('summary.case.trigger')}</dt>
        <dd>{t(`casework:trigger.${caseRecord.trigger}`)}</dd>
        <dt>{t('summary.case.caseManager')}</dt>
        <dd>{caseRecord.caseManagerId ?? t('summary.case.noCaseManager')}</dd>
        {caseRecord.closureReason ? (
          <>
            <dt>{t('summary.case.closureReason')}</dt>
            <dd>{t(`casework:closureReason.${caseRecord.closureReason}`)}</dd>
          </>
        ) : null}
        <dt>{t('summary.case.stages')}</dt>
        <dd>
          <ul className="summary-list" data-testid="summary-stages">
            {stages.map(({ stage, reached }) => (
              <li key={stage}>
                {t(`summary.case.stage.${stage}`)}: {date(reached)}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('summary.case.due')}</dt>
        <dd>
          {deadlines.length === 0 ? (
            t('summary.case.nothingDue')
          ) : (
            <ul className="summary-list">
              {deadlines.map((deadline) => {
                const overdue = deadline.due < today;
                return (
                  <li key={deadline.kind}>
                    {t(`casework:deadline.${deadline.kind}`)}
                    {' — '}
                    <span className={overdue ? 'summary-overdue' : undefined}>
                      {t(overdue ? 'summary.case.overdueSince' : 'summary.case.dueOn', { date: date(deadline.due) })}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}
