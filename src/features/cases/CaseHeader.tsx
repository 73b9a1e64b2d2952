import { useTranslation } from 'react-i18next';
import { displayName, type Language } from '../../domain/localizedName.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import type { CaseView } from '../../storage/caseTimelineQuery.ts';
import { RiskBadge } from './RiskBadge.tsx';

/** Who the case is about, where it stands, and the protocol deadlines still to meet. */
export function CaseHeader({ view, today }: { view: CaseView; today: string }) {
  const { t, i18n } = useTranslation(['cases', 'casework']);
  const language = i18n.language as Language;
  const { caseRecord, student, school, deadlines } = view;
  const name = student ? `${student.givenName} ${student.familyName}` : t('list.unknownStudent');
  return (
    <>
      <h1 id="case-title">{name}</h1>
      <dl className="case-facts" aria-label={t('view.details')}>
        <dt>{t('view.school')}</dt>
        <dd>{school ? displayName(school.name, language) : t('list.unknownSchool')}</dd>
        <dt>{t('view.status')}</dt>
        <dd data-testid="case-status">{t(`casework:status.${caseRecord.status}`)}</dd>
        <dt>{t('view.risk')}</dt>
        <dd>{view.riskLevel === null ? t('view.notScreened') : <RiskBadge level={view.riskLevel} />}</dd>
        <dt>{t('casework:caseField.caseManager')}</dt>
        <dd>{caseRecord.caseManagerId ?? t('view.noCaseManager')}</dd>
        <dt>{t('casework:caseField.trigger')}</dt>
        <dd>{t(`casework:trigger.${caseRecord.trigger}`)}</dd>
        <dt>{t('view.flaggedOn')}</dt>
        <dd>{formatIsoDate(caseRecord.flaggedAt, language)}</dd>
        {caseRecord.closureReason ? (
          <>
            <dt>{t('casework:caseField.closureReason')}</dt>
            <dd>{t(`casework:closureReason.${caseRecord.closureReason}`)}</dd>
          </>
        ) : null}
      </dl>
      <h2 id="case-deadlines-title">{t('view.deadlines')}</h2>
      {deadlines.length === 0 ? (
        <p className="empty">{t('view.noDeadlines')}</p>
      ) : (
        <ul className="case-deadlines" aria-labelledby="case-deadlines-title">
          {deadlines.map((deadline) => {
            const overdue = deadline.due < today;
            const date = formatIsoDate(deadline.due, language);
            return (
              <li key={deadline.kind}>
                <strong>{t(`casework:deadline.${deadline.kind}`)}</strong>
                {' — '}
                <span className={overdue ? 'case-due-overdue' : undefined}>
                  {t(overdue ? 'view.deadlineOverdue' : 'view.deadlineDue', { date })}
                </span>
                {deadline.source === 'default' ? (
                  <span className="case-source">{t('casework:source.default')}</span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
