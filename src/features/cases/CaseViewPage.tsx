import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../domain/dueDates.ts';
import { useCaseRights } from '../account/useWriteRights.ts';
import { PendingReferrals } from '../plans/PendingReferrals.tsx';
import { CaseConflicts } from './CaseConflicts.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import './cases.css';
import { useCaseView } from './useCaseView.ts';
import { WorkflowPanel } from './WorkflowPanel.tsx';

/**
 * One case: who and where, its deadlines, the next workflow steps, links to
 * the work, and its whole history. Only the steps and links the signed-in
 * role may take are offered (writeRights.ts): the server would refuse the rest.
 */
export function CaseViewPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation(['cases', 'casework', 'exports']);
  const view = useCaseView(caseId);
  const rights = useCaseRights(caseId);

  if (view === undefined || rights === undefined) return <p role="status">{t('view.loading')}</p>;
  if (view === null) {
    return (
      <section className="page" aria-labelledby="case-title">
        <h1 id="case-title">{t('title')}</h1>
        <p>{t('view.notFound')}</p>
        <a className="button" href="#/cases">
          {t('view.toList')}
        </a>
      </section>
    );
  }

  const { caseRecord } = view;
  const isClosed = caseRecord.status === 'closed';
  return (
    <section className="page" aria-labelledby="case-title">
      <p>
        <a className="timeline-link" href="#/cases">
          {t('view.toList')}
        </a>
      </p>
      <CaseHeader view={view} today={localIsoDate(new Date())} />
      <CaseConflicts caseId={caseId} />
      {/* Keyed by status: after each step the panel starts afresh from the new status. */}
      {rights.moveOn || rights.changeCase ? (
        <WorkflowPanel key={caseRecord.status} record={caseRecord} profile={view.profile} rights={rights} />
      ) : null}
      <nav className="case-actions" aria-label={t('view.actions')}>
        {isClosed ? null : (
          <>
            {rights.recordVisit ? (
              <a className="button" href={`#/cases/${caseId}/visit`}>
                {t('view.recordVisit')}
              </a>
            ) : null}
            {rights.seePlan || rights.addPlanAction ? (
              <a className="button" href={`#/cases/${caseId}/plan`}>
                {t('view.plan')}
              </a>
            ) : null}
            {rights.refer || rights.seeReferrals ? (
              <a className="button" href={`#/cases/${caseId}/refer`}>
                {t('view.refer')}
              </a>
            ) : null}
          </>
        )}
        <a className="button" href={`#/students/${caseRecord.studentId}/screenings`}>
          {t('view.screenings')}
        </a>
        {/* A printable page for the case conference (docs/exports.md), from what this phone holds. */}
        <a className="button" href={`#/cases/${caseId}/summary`}>
          {t('exports:summary.title')}
        </a>
      </nav>
      <PendingReferrals caseId={caseId} mayAnswer={rights.answerReferral} />
      <CaseTimeline caseId={caseId} items={view.timeline} mayCorrectVisits={rights.recordVisit} />
    </section>
  );
}
