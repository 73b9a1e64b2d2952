import { useTranslation } from 'react-i18next';

/** The dashboard of a municipality or school (F16). */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  return (
    <section>
      <h1>{t('title')}</h1>
    </section>
  );
}
