import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkerRole } from '../../domain/workerRole.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import { ReferralAnswerForm } from './ReferralAnswerForm.tsx';
import { maySeeSafeguardingDetails, receiverRole } from './referralRoles.ts';
import type { CaseReferral } from './useCaseReferrals.ts';

interface ReferralCardProps {
  item: CaseReferral;
  /** The role on this phone: the receiving side gets Accept and Decline. */
  role: WorkerRole;
  /** Whether the signed-in scope may write the answer (a set of the referral) at all. */
  mayAnswer: boolean;
}

/** One handover or referral: where it went, why, and whether it has left the phone or been answered. */
export function ReferralCard({ item, role, mayAnswer }: ReferralCardProps) {
  const { t, i18n } = useTranslation(['plans', 'casework']);
  const titleId = useId();
  const { referral, delivery } = item;
  const target = t(`casework:referralTarget.${referral.to}`);
  const sender = t(`casework:referralSender.${referral.from}`);
  const sentOn = formatIsoDate(referral.sentAt, i18n.language);
  const hidden = referral.reason === 'safeguarding' && !maySeeSafeguardingDetails(role);
  // authorName writes "device:<role>" when the worker left their name empty: the role says as much.
  const named = !referral.fromUserId.startsWith('device:');

  const mine = receiverRole(referral.to) === role && mayAnswer;

  let status: string;
  if (referral.status === 'pending' && mine) {
    status = t('status.yourAnswer');
  } else if (referral.status === 'pending') {
    status = t(`status.${delivery === 'queued' ? 'queued' : delivery === 'refused' ? 'refused' : 'waiting'}`, {
      target,
    });
  } else {
    const answered = t(`casework:referralStatus.${referral.status}`);
    status = referral.respondedAt
      ? t('status.answeredOn', { status: answered, date: formatIsoDate(referral.respondedAt, i18n.language) })
      : answered;
    if (delivery === 'queued') status = `${status} ${t('status.answerQueued')}`;
  }

  return (
    <article className={`card referral referral-${referral.status}`} aria-labelledby={titleId}>
      <h3 id={titleId} className="card-title">
        {t('referral.cardTitle', { kind: t(`casework:referralKind.${referral.kind}`), target })}
      </h3>
      <p className="card-detail">{t(`casework:referralReason.${referral.reason}`)}</p>
      {referral.reasonText && !hidden ? <p className="plan-description">{referral.reasonText}</p> : null}
      {referral.reasonText && hidden ? <p className="card-detail">{t('referral.detailsHidden')}</p> : null}
      <p className="card-detail">
        {named
          ? t('referral.sentByNamed', { name: referral.fromUserId, sender, date: sentOn })
          : t('referral.sentBy', { sender, date: sentOn })}
      </p>
      <p className="referral-status">{status}</p>
      {referral.responseNote ? <p className="plan-description">{referral.responseNote}</p> : null}
      {referral.status === 'pending' && mine ? <ReferralAnswerForm referralId={referral.id} /> : null}
    </article>
  );
}
