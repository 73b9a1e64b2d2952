import { localIsoDate } from '../../domain/dueDates.ts';
import type { PlanActionError, PlanActionOutcome, PlanActionStatus } from '../../domain/planAction.ts';
import { db } from '../../storage/database.ts';
import { updatePlanActionStatus } from '../../storage/planActionRepository.ts';
import type { WriteFailure } from '../../storage/writeFailure.ts';
import { useGuardedWrite } from '../shared/useGuardedWrite.ts';

export type StatusChangeProblem = PlanActionError | WriteFailure;

/**
 * Moves one action to another status through the domain's rules. The
 * problem is kept until the next attempt, so the card can say why a change
 * was refused while the worker's outcome and note stay as typed.
 */
export function usePlanActionStatus(actionId: string) {
  const { problem, isBusy, run, clearProblem } = useGuardedWrite<PlanActionError>();

  async function changeStatus(
    to: PlanActionStatus,
    finish: { outcome?: PlanActionOutcome; outcomeNote?: string } = {},
  ): Promise<boolean> {
    return run(() => updatePlanActionStatus(db, actionId, to, { at: localIsoDate(new Date()), ...finish }));
  }

  return { problem, isChanging: isBusy, changeStatus, clearProblem };
}
