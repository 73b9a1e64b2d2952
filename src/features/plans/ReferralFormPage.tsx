import { useTranslation } from 'react-i18next';
import { referralSenderFor } from '../../domain/workerRole.ts';
import { authorName, useWorkerStore } from '../../state/workerStore.ts';
import { PlanCaseHeader } from './PlanCaseHeader.tsx';
import { ReferralCard } from './ReferralCard.tsx';
import { ReferralForm } from './ReferralForm.tsx';
import { useCaseReferrals } from './useCaseReferrals.ts';
import { usePlanCase } from './usePlanCase.ts';
import './plans.css';

/**
 * `#/cases/<id>/refer` (PRODUCT F8): a mentor or teacher hands the case to
 * the school team; the school team refers it to the centre for social work
 * or the municipality; a coordinator only receives. Below, the case's
 * handovers and referrals with their answers.
 */
export function ReferralFormPage(props: { caseId: string }) {
  const { t } = useTranslation(['plans', 'casework', 'common']);
  const worker = useWorkerStore();
  const planCase = usePlanCase(props.caseId);
  const referrals = useCaseReferrals(props.caseId);
  const sender = referralSenderFor(worker.role);

  return (
    <section className="page" aria-labelledby="referral-title">
      <PlanCaseHeader titleId="referral-title" title={t('referral.title')} caseId={props.caseId} planCase={planCase} />
      {planCase.state === 'ready' ? (
        sender ? (
          <ReferralForm
            // A new role on this phone means other targets: start the form afresh.
            key={sender}
            record={planCase.caseRow}
            sender={sender}
            fromUserId={authorName(worker)}
          />
        ) : (
          <p className="plan-notice">{t('referral.receiveOnly')}</p>
        )
      ) : null}
      {referrals && referrals.length > 0 ? (
        <section aria-labelledby="referral-list-title">
          <h2 id="referral-list-title">{t('referral.existing')}</h2>
          <ul className="card-list">
            {referrals.map((item) => (
              <li key={item.referral.id}>
                <ReferralCard item={item} role={worker.role} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
