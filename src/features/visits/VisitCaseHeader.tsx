import { useTranslation } from 'react-i18next';
import { displayName } from '../../domain/localizedName.ts';
import type { Language } from '../../i18n/languages.ts';
import type { VisitCaseSummary } from './useVisitCase.ts';

/** Whose family this is, so a note is never written on the wrong case. */
export function VisitCaseHeader({ summary }: { summary: VisitCaseSummary }) {
  const { t, i18n } = useTranslation(['visits', 'casework']);
  return (
    <div className="visit-case">
      {summary.studentName ? <p className="card-title">{summary.studentName}</p> : null}
      <p className="card-detail visit-case-line">
        {summary.className ? <span>{t('visits:header.class', { className: summary.className })}</span> : null}
        {summary.schoolName ? <span>{displayName(summary.schoolName, i18n.language as Language)}</span> : null}
        <span>{t('visits:header.case', { status: t(`casework:status.${summary.status}`) })}</span>
      </p>
    </div>
  );
}
