import { useTranslation } from 'react-i18next';

/** Placeholder while the screen is being built. */
export function CasePlanPage(props: { caseId: string }) {
  void props;
  const { t } = useTranslation('plans');
  return (
    <section className="page" aria-labelledby="plan-title">
      <h1 id="plan-title">{t('title')}</h1>
    </section>
  );
}
