import { useTranslation } from 'react-i18next';

/** Placeholder while the screen is being built. */
export function CaseViewPage(props: { caseId: string }) {
  void props;
  const { t } = useTranslation('cases');
  return (
    <section className="page" aria-labelledby="case-title">
      <h1 id="case-title">{t('title')}</h1>
    </section>
  );
}
