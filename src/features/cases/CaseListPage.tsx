import { useTranslation } from 'react-i18next';

/** Placeholder while the screen is being built. */
export function CaseListPage() {
  const { t } = useTranslation('cases');
  return (
    <section className="page" aria-labelledby="cases-title">
      <h1 id="cases-title">{t('title')}</h1>
    </section>
  );
}
