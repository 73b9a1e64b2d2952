import { useTranslation } from 'react-i18next';
import { referralSenderFor } from '../../domain/workerRole.ts';
import { authorName, useWorkerStore } from '../../state/workerStore.ts';
import { useCaseRights } from '../account/useWriteRights.ts';
import { PlanCaseHeader } from './PlanCaseHeader.tsx';
import { ReferralCard } from './ReferralCard.tsx';
import { ReferralForm } from './ReferralForm.tsx';
import { useCaseReferrals } from './useCaseReferrals.ts';
import { usePlanCase, type PlanCase } from './usePlanCase.ts';
import './plans.css';

/**
 * `#/cases/<id>/refer` (PRODUCT F8): a mentor or teacher hands the case to
 * the school team; the school team refers it to the centre for social work
 * or the municipality; a coordinator only receives. Below, the case's
 * handovers and referrals with their answers. A role the server would not
 * let send one (a teacher) is told so instead of given the form.
 */
export function ReferralFormPage(props: { caseId: string }) {
  const { t } = useTranslation(['plans', 'casework', 'common', 'account']);
  const worker = useWorkerStore();
  const rights = useCaseRights(props.caseId);
  const loaded = usePlanCase(props.caseId);
  // Loading until the account is read too: the form must not show before the role is known.
  const planCase: PlanCase = rights === undefined ? { state: 'loading' } : loaded;
  const referrals = useCaseReferrals(props.caseId);
  const sender = referralSenderFor(worker.role);

  return (
    <section className="page" aria-labelledby="referral-title">
      <PlanCaseHeader titleId="referral-title" title={t('referral.title')} caseId={props.caseId} planCase={planCase} />
      {planCase.state === 'ready' && rights !== undefined ? (
        sender && rights.refer ? (
          <ReferralForm
            // A new role on this phone means other targets: start the form afresh.
            key={sender}
            record={planCase.caseRow}
            sender={sender}
            fromUserId={authorName(worker)}
          />
        ) : (
          <p className="plan-notice">{sender ? t('account:rights.refer') : t('referral.receiveOnly')}</p>
        )
      ) : null}
      {referrals && referrals.length > 0 ? (
        <section aria-labelledby="referral-list-title">
          <h2 id="referral-list-title">{t('referral.existing')}</h2>
          <ul className="card-list">
            {referrals.map((item) => (
              <li key={item.referral.id}>
                <ReferralCard item={item} role={worker.role} mayAnswer={rights?.answerReferral ?? false} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
