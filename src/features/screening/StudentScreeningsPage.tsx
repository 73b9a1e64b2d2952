import { useTranslation } from 'react-i18next';

/** Placeholder while the screen is being built. */
export function StudentScreeningsPage(props: { studentId: string }) {
  void props;
  const { t } = useTranslation('screening');
  return (
    <section className="page" aria-labelledby="student-screenings-title">
      <h1 id="student-screenings-title">{t('title')}</h1>
    </section>
  );
}
