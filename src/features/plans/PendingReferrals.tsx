import { useTranslation } from 'react-i18next';
import { addCalendarDays, localIsoDate } from '../../domain/dueDates.ts';
import { useWorkerStore } from '../../state/workerStore.ts';
import { ReferralCard } from './ReferralCard.tsx';
import { useCaseReferrals } from './useCaseReferrals.ts';
import './plans.css';

/** How long an answer stays at the top of the case, so the sender sees it arrive. */
const RECENT_ANSWER_DAYS = 7;

/**
 * At the top of the case view: the case's referrals waiting for an answer,
 * with Accept and Decline for the receiving side (when its role may answer
 * them: `mayAnswer`), and answers of the last week. Renders nothing when there is nothing to show.
 */
export function PendingReferrals(props: { caseId: string; mayAnswer: boolean }) {
  const { t } = useTranslation(['plans', 'casework']);
  const role = useWorkerStore((worker) => worker.role);
  const referrals = useCaseReferrals(props.caseId);
  const since = addCalendarDays(localIsoDate(new Date()), -RECENT_ANSWER_DAYS);
  const shown = (referrals ?? []).filter(
    ({ referral }) => referral.status === 'pending' || (referral.respondedAt !== null && referral.respondedAt >= since),
  );
  if (shown.length === 0) return null;
  const titleId = `pending-referrals-${props.caseId}`;
  return (
    <section className="pending-referrals" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('pending.title')}</h2>
      <ul className="card-list">
        {shown.map((item) => (
          <li key={item.referral.id}>
            <ReferralCard item={item} role={role} mayAnswer={props.mayAnswer} />
          </li>
        ))}
      </ul>
    </section>
  );
}
