import { useTranslation } from 'react-i18next';

/** Placeholder while the screen is being built. */
export function VisitFormPage(props: { caseId: string; correctionOf?: string | undefined }) {
  void props;
  const { t } = useTranslation('visits');
  return (
    <section className="page" aria-labelledby="visit-title">
      <h1 id="visit-title">{t('title')}</h1>
    </section>
  );
}
