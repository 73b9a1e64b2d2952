import { useTranslation } from 'react-i18next';

/** Placeholder while the screen is being built. */
export function ClassScreeningPage() {
  const { t } = useTranslation('screening');
  return (
    <section className="page" aria-labelledby="screening-title">
      <h1 id="screening-title">{t('title')}</h1>
    </section>
  );
}
