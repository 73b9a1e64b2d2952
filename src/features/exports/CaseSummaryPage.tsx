import { useTranslation } from 'react-i18next';

/** The printable case summary for a case conference (F17). */
export function CaseSummaryPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation('exports');
  return (
    <section data-case-id={caseId}>
      <h1>{t('summary.title')}</h1>
    </section>
  );
}
