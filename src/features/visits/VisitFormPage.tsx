import { useTranslation } from 'react-i18next';
import { homeVisitDraftKey } from '../../storage/homeVisitRepository.ts';
import { useCaseRights } from '../account/useWriteRights.ts';
import { useStoredDraft, useVisitCase } from './useVisitCase.ts';
import { VisitForm } from './VisitForm.tsx';
import './visits.css';

/**
 * A home-visit note for a case (PRODUCT F6), or, with `correctionOf`, a new
 * note correcting an earlier one. A role that may not write notes on the
 * case is told so instead of given a form whose note the server would refuse.
 */
export function VisitFormPage(props: { caseId: string; correctionOf?: string | undefined }) {
  const { caseId } = props;
  const correctionOf = props.correctionOf ?? null;
  const { t } = useTranslation(['visits', 'common', 'account']);
  const context = useVisitCase(caseId, correctionOf);
  const rights = useCaseRights(caseId);
  const draftKey = homeVisitDraftKey(caseId, correctionOf);
  const storedDraft = useStoredDraft(draftKey);

  if (context === undefined || storedDraft === undefined || rights === undefined) {
    return <p role="status">{t('visits:loading')}</p>;
  }
  if (context.kind !== 'caseMissing' && !rights.recordVisit) {
    return (
      <section className="page" aria-labelledby="visit-title">
        <h1 id="visit-title">{t('visits:title')}</h1>
        <p>{t('account:rights.visit')}</p>
        <a className="button" href={`#/cases/${caseId}`}>
          {t('visits:backToCase')}
        </a>
      </section>
    );
  }
  if (context.kind !== 'ready') {
    const caseMissing = context.kind === 'caseMissing';
    return (
      <section className="page" aria-labelledby="visit-title">
        <h1 id="visit-title">{t('visits:title')}</h1>
        <p>{caseMissing ? t('visits:caseNotFound') : t('visits:originalNotFound')}</p>
        <a className="button" href={caseMissing ? '#/cases' : `#/cases/${caseId}`}>
          {caseMissing ? t('visits:backToCases') : t('visits:backToCase')}
        </a>
      </section>
    );
  }
  return (
    <VisitForm
      // Rendered once everything is read: the form takes its starting values only when it opens.
      key={draftKey}
      caseId={caseId}
      draftKey={draftKey}
      summary={context.summary}
      original={context.original}
      storedDraft={storedDraft}
    />
  );
}
