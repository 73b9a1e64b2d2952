import { useTranslation } from 'react-i18next';
import type { PlanCase } from './usePlanCase.ts';

interface PlanCaseHeaderProps {
  titleId: string;
  /** What the screen is ("Individual plan", "Handover and referral"); the student's name follows it. */
  title: string;
  caseId: string;
  planCase: PlanCase;
}

/** The screen's heading with the student's name, the way back to the case, and the loading or missing state. */
export function PlanCaseHeader({ titleId, title, caseId, planCase }: PlanCaseHeaderProps) {
  const { t } = useTranslation(['plans', 'casework', 'common']);
  return (
    <>
      <div className="page-header">
        <h1 id={titleId}>
          <span className="plan-eyebrow">{title}</span>
          {planCase.state === 'ready' && planCase.studentName ? <span> {planCase.studentName}</span> : null}
        </h1>
        <a className="button" href={`#/cases/${caseId}`}>
          {t('backToCase')}
        </a>
      </div>
      {planCase.state === 'loading' ? <p role="status">{t('common:loading')}</p> : null}
      {planCase.state === 'missing' ? <p className="empty">{t('caseMissing')}</p> : null}
    </>
  );
}
