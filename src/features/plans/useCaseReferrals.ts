import type { ReferralRow } from '../../storage/caseworkRecords.ts';
import { db } from '../../storage/database.ts';
import { referralDeliveries, type ReferralDelivery } from '../../storage/referralDelivery.ts';
import { referralsForCase } from '../../storage/referralRepository.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';

export interface CaseReferral {
  referral: ReferralRow;
  delivery: ReferralDelivery;
}

/**
 * The case's referrals, newest first, each with whether it has left the
 * phone. Live over the referrals and the outbox: an answer pulled from
 * another device, or a sync that empties the outbox, updates the screen.
 */
export function useCaseReferrals(caseId: string): CaseReferral[] | undefined {
  return useLiveQuery(async () => {
    const referrals = await referralsForCase(db, caseId);
    const deliveries = await referralDeliveries(
      db,
      referrals.map((referral) => referral.id),
    );
    return referrals
      .sort((a, b) => (a.sentAt === b.sentAt ? (a.id < b.id ? 1 : -1) : a.sentAt < b.sentAt ? 1 : -1))
      .map((referral) => ({ referral, delivery: deliveries.get(referral.id) ?? 'delivered' }));
  }, [caseId]);
}
