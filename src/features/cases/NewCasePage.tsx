import { useTranslation } from 'react-i18next';

/** Placeholder while the screen is being built. */
export function NewCasePage(props: { studentId: string }) {
  void props;
  const { t } = useTranslation('cases');
  return (
    <section className="page" aria-labelledby="new-case-title">
      <h1 id="new-case-title">{t('title')}</h1>
    </section>
  );
}
