import type { ConflictChoice } from '../../domain/fieldConflict.ts';
import { resolveConflict } from '../../storage/conflictRepository.ts';
import { db } from '../../storage/database.ts';
import { authorName, useWorkerStore } from '../../state/workerStore.ts';
import { useGuardedWrite } from '../shared/useGuardedWrite.ts';

/** Records the user's choice on a clash (one tap; a second tap while saving is ignored). */
export function useResolveClash() {
  const worker = useWorkerStore();
  const { problem, isBusy, run } = useGuardedWrite<'alreadyResolved'>();

  async function choose(conflictId: string, choice: ConflictChoice): Promise<boolean> {
    return run(async () => {
      const outcome = await resolveConflict(db, conflictId, choice, authorName(worker));
      // Gone from the device (never expected) or chosen elsewhere first: either way nothing is left to choose.
      return outcome === 'resolved' ? { ok: true } : { ok: false, code: 'alreadyResolved' };
    });
  }

  return { choose, isChoosing: isBusy, problem };
}
