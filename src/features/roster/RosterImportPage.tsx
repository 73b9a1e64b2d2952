import { useTranslation } from 'react-i18next';

/** A school's class list from a CSV file (F18). */
export function RosterImportPage() {
  const { t } = useTranslation('roster');
  return (
    <section>
      <h1>{t('title')}</h1>
    </section>
  );
}
