import { useRef, useState } from 'react';
import { localIsoDate } from '../../domain/dueDates.ts';
import type { ReferralError } from '../../domain/referral.ts';
import { db } from '../../storage/database.ts';
import { answerReferral } from '../../storage/referralRepository.ts';
import { writeFailureOf } from '../../storage/writeFailure.ts';
import { afterLocalWrite } from '../../sync/afterLocalWrite.ts';

export type ReferralAnswerProblem = ReferralError | 'storageFull' | 'generic';

/** The receiving side's accept or decline (referral.ts decides; declining needs a note). */
export function useReferralAnswer(referralId: string, answeredBy: string) {
  const [problem, setProblem] = useState<ReferralAnswerProblem>();
  const [isSaving, setIsSaving] = useState(false);
  // A ref, not state: a double tap arrives before React re-renders the disabled buttons.
  const inFlight = useRef(false);

  async function answer(decision: 'accepted' | 'declined', note: string): Promise<boolean> {
    if (inFlight.current) return false;
    inFlight.current = true;
    setIsSaving(true);
    setProblem(undefined);
    try {
      const at = localIsoDate(new Date());
      const result = await answerReferral(db, referralId, { decision, at, by: answeredBy, note });
      if (!result.ok) {
        setProblem(result.code);
        return false;
      }
      afterLocalWrite();
      return true;
    } catch (error) {
      setProblem(writeFailureOf(error));
      return false;
    } finally {
      inFlight.current = false;
      setIsSaving(false);
    }
  }

  return { problem, isSaving, answer, clearProblem: () => setProblem(undefined) };
}
