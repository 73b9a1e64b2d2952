import { localIsoDate } from '../../domain/dueDates.ts';
import type { ReferralError } from '../../domain/referral.ts';
import { db } from '../../storage/database.ts';
import { answerReferral } from '../../storage/referralRepository.ts';
import type { WriteFailure } from '../../storage/writeFailure.ts';
import { useGuardedWrite } from '../shared/useGuardedWrite.ts';

export type ReferralAnswerProblem = ReferralError | WriteFailure;

/** The receiving side's accept or decline (referral.ts decides; declining needs a note). */
export function useReferralAnswer(referralId: string, answeredBy: string) {
  const { problem, isBusy, run, clearProblem } = useGuardedWrite<ReferralError>();

  async function answer(decision: 'accepted' | 'declined', note: string): Promise<boolean> {
    const at = localIsoDate(new Date());
    return run(() => answerReferral(db, referralId, { decision, at, by: answeredBy, note }));
  }

  return { problem, isSaving: isBusy, answer, clearProblem };
}
