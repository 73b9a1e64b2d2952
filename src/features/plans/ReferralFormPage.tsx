import { useTranslation } from 'react-i18next';

/** Placeholder while the screen is being built. */
export function ReferralFormPage(props: { caseId: string }) {
  void props;
  const { t } = useTranslation('plans');
  return (
    <section className="page" aria-labelledby="referral-title">
      <h1 id="referral-title">{t('title')}</h1>
    </section>
  );
}
