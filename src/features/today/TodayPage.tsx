import { useTranslation } from 'react-i18next';

/** Placeholder while the screen is being built. */
export function TodayPage() {
  const { t } = useTranslation('today');
  return (
    <section className="page" aria-labelledby="today-title">
      <h1 id="today-title">{t('title')}</h1>
    </section>
  );
}
