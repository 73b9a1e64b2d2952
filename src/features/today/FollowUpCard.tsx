import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../domain/dueDates.ts';
import type { FollowUpItem, RiskRise } from '../../domain/followUps.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import type { StudentName } from '../../storage/followUpQuery.ts';
import { studentName, whatIsDue, whenDue } from './dueText.ts';

interface FollowUpCardProps {
  item: FollowUpItem;
  today: IsoDate;
  student: StudentName | undefined;
  interventions: ReadonlyMap<string, string>;
}

/** One thing due on a case, as one big link to the case: who, what, when. */
export function FollowUpCard({ item, today, student, interventions }: FollowUpCardProps) {
  const { t, i18n } = useTranslation(['today', 'casework']);
  const overdue = item.due < today;
  return (
    <a className="card today-card" href={`#/cases/${item.caseId}`}>
      <span className="card-title">{studentName(t, student)}</span>
      <span className="card-detail">{whatIsDue(t, item, interventions).join(' · ')}</span>
      <span className={overdue ? 'today-when today-when-overdue' : 'today-when'}>
        {whenDue(t, item.due, today)}
        {' · '}
        <time dateTime={item.due}>{formatIsoDate(item.due, i18n.language)}</time>
      </span>
      {/* A default time limit is a proposal, never to be read as law. */}
      {item.source === 'default' ? <span className="today-source">{t('casework:source.default')}</span> : null}
    </a>
  );
}

interface RiskRiseCardProps {
  rise: RiskRise;
  student: StudentName | undefined;
  /** Whether the signed-in role may open a case for the student (asked only when there is none). */
  mayFlag: boolean;
}

/**
 * A student whose risk rose: to their case, or to opening one when there is
 * none — for a role that may open it; otherwise the card only tells.
 */
export function RiskRiseCard({ rise, student, mayFlag }: RiskRiseCardProps) {
  const { t, i18n } = useTranslation(['today', 'casework']);
  const facts = (
    <>
      <span className="card-title">{studentName(t, student)}</span>
      <span className="card-detail">
        {t(`casework:level.${rise.from}`)}
        {' → '}
        {t(`casework:level.${rise.to}`)}
      </span>
      <span className="card-detail">
        {t('riskRose.screenedOn', { date: formatIsoDate(rise.screenedOn, i18n.language) })}
      </span>
    </>
  );
  if (rise.caseId === null && !mayFlag) return <div className="card today-card">{facts}</div>;
  const href = rise.caseId === null ? `#/cases/new/${rise.studentId}` : `#/cases/${rise.caseId}`;
  return (
    <a className="card today-card" href={href}>
      {facts}
      <span className="today-action">{rise.caseId === null ? t('riskRose.openCase') : t('riskRose.viewCase')}</span>
    </a>
  );
}
