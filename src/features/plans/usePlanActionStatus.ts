import { useRef, useState } from 'react';
import { localIsoDate } from '../../domain/dueDates.ts';
import type { PlanActionError, PlanActionOutcome, PlanActionStatus } from '../../domain/planAction.ts';
import { db } from '../../storage/database.ts';
import { updatePlanActionStatus } from '../../storage/planActionRepository.ts';
import { writeFailureOf } from '../../storage/writeFailure.ts';
import { afterLocalWrite } from '../../sync/afterLocalWrite.ts';

export type StatusChangeProblem = PlanActionError | 'storageFull' | 'generic';

/**
 * Moves one action to another status through the domain's rules. The
 * problem is kept until the next attempt, so the card can say why a change
 * was refused while the worker's outcome and note stay as typed.
 */
export function usePlanActionStatus(actionId: string) {
  const [problem, setProblem] = useState<StatusChangeProblem>();
  const [isChanging, setIsChanging] = useState(false);
  // A ref, not state: a double tap arrives before React re-renders the disabled button.
  const inFlight = useRef(false);

  async function changeStatus(
    to: PlanActionStatus,
    finish: { outcome?: PlanActionOutcome; outcomeNote?: string } = {},
  ): Promise<boolean> {
    if (inFlight.current) return false;
    inFlight.current = true;
    setIsChanging(true);
    setProblem(undefined);
    try {
      const result = await updatePlanActionStatus(db, actionId, to, { at: localIsoDate(new Date()), ...finish });
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
      setIsChanging(false);
    }
  }

  return { problem, isChanging, changeStatus, clearProblem: () => setProblem(undefined) };
}
