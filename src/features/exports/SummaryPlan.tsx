import { useTranslation } from 'react-i18next';
import type { PlanAction } from '../../domain/planAction.ts';
import type { Referral } from '../../domain/referral.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import { ResponsibleText } from '../plans/ResponsibleText.tsx';

/**
 * The plan's actions — what, who is responsible, by when, how far — and the
 * referrals with their answers. Free-text notes stay in the app: the paper
 * carries what the conference decides on, no more.
 */
export function SummaryPlan({
  actions,
  referrals,
}: {
  actions: readonly PlanAction[];
  referrals: readonly Referral[];
}) {
  const { t, i18n } = useTranslation(['exports', 'casework', 'plans']);
  const date = (iso: string) => formatIsoDate(iso, i18n.language);
  return (
    <>
      <section aria-labelledby="summary-plan">
        <h2 id="summary-plan">{t('summary.plan.title')}</h2>
        {actions.length === 0 ? (
          <p>{t('summary.plan.none')}</p>
        ) : (
          <ul className="summary-list" data-testid="summary-plan-actions">
            {actions.map((action) => (
              <li key={action.id}>
                <strong>{t(`casework:intervention.${action.interventionType}`)}</strong>
                {' — '}
                {t(`casework:planActionStatus.${action.status}`)}
                {action.outcome ? ` (${t(`casework:planActionOutcome.${action.outcome}`)})` : null}
                <span className="summary-line">
                  <ResponsibleText responsible={action.responsible} />
                  {' · '}
                  {action.completedAt
                    ? t('summary.plan.finished', { date: date(action.completedAt) })
                    : action.dueDate
                      ? t('summary.plan.due', { date: date(action.dueDate) })
                      : t('summary.plan.noDueDate')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="summary-referrals">
        <h2 id="summary-referrals">{t('summary.referrals.title')}</h2>
        {referrals.length === 0 ? (
          <p>{t('summary.referrals.none')}</p>
        ) : (
          <ul className="summary-list" data-testid="summary-referrals">
            {referrals.map((referral) => (
              <li key={referral.id}>
                <strong>
                  {t('summary.referrals.to', {
                    kind: t(`casework:referralKind.${referral.kind}`),
                    target: t(`casework:referralTarget.${referral.to}`),
                  })}
                </strong>
                {' — '}
                {t(`casework:referralReason.${referral.reason}`)}
                <span className="summary-line">
                  {t('summary.referrals.sent', { date: date(referral.sentAt) })}
                  {' · '}
                  {referral.status === 'pending' || referral.respondedAt === null
                    ? t('summary.referrals.pending')
                    : t('summary.referrals.answered', {
                        status: t(`casework:referralStatus.${referral.status}`),
                        date: date(referral.respondedAt),
                      })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
