import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../domain/dueDates.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import { useDeviceAccount } from '../account/useDeviceAccount.ts';
import { useCaseView } from '../cases/useCaseView.ts';
import { SummaryCase } from './SummaryCase.tsx';
import { summaryContent } from './summaryContent.ts';
import { SummaryPlan } from './SummaryPlan.tsx';
import { SummaryScreening } from './SummaryScreening.tsx';
import { SummaryStudent } from './SummaryStudent.tsx';
import { SummaryVisits } from './SummaryVisits.tsx';
import { usePrintSummary } from './usePrintSummary.ts';
import './exports.css';

/**
 * The printable case summary for a case conference (F17; docs/exports.md):
 * one or two A4 pages of what this phone holds — so it works offline, and a
 * mentor's copy holds no more than a mentor's scope. The print stylesheet
 * (exports.css) leaves only the summary on paper.
 */
export function CaseSummaryPage({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation(['exports', 'common', 'cases']);
  const view = useCaseView(caseId);
  const account = useDeviceAccount();
  const { print, failed } = usePrintSummary(view);

  if (view === undefined) return <p role="status">{t('summary.loading')}</p>;
  if (view === null) {
    return (
      <section className="page" aria-labelledby="summary-title">
        <h1 id="summary-title">{t('summary.title')}</h1>
        <p>{t('summary.notFound')}</p>
        <a className="button" href="#/cases">
          {t('cases:view.toList')}
        </a>
      </section>
    );
  }

  const today = localIsoDate(new Date());
  const content = summaryContent(view.timeline);
  const { student } = view;
  const name = student ? `${student.givenName} ${student.familyName}` : t('summary.unknownStudent');
  const printedOn = formatIsoDate(today, i18n.language, 'long');
  const printer = account?.user.displayName;
  return (
    <article className="page case-summary" aria-labelledby="summary-title" data-testid="case-summary">
      <div className="summary-actions no-print">
        <a className="button" href={`#/cases/${caseId}`}>
          {t('summary.toCase')}
        </a>
        <button type="button" className="button button-primary" onClick={() => void print()}>
          {t('summary.print')}
        </button>
        <p className="field-hint">{t('summary.printHint')}</p>
        {failed ? (
          <p role="alert" className="field-error">
            {t('common:errors.generic')}
          </p>
        ) : null}
      </div>
      <h1 id="summary-title">{t('summary.heading', { name })}</h1>
      <p className="summary-notice">{t('summary.confidential')}</p>
      <SummaryStudent view={view} today={today} />
      <SummaryCase view={view} today={today} />
      <SummaryScreening screening={content.latestScreening} />
      <SummaryPlan actions={content.planActions} referrals={content.referrals} />
      <SummaryVisits visits={content.visits} />
      <footer className="summary-footer">
        {printer
          ? t('summary.printedBy', { date: printedOn, name: printer })
          : t('summary.printedOn', { date: printedOn })}
      </footer>
    </article>
  );
}
