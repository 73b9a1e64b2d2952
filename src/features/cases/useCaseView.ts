import { loadCaseView, type CaseView } from '../../storage/caseTimelineQuery.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';

/** The case and its history, live: undefined while loading, null when the case is not on the device. */
export function useCaseView(caseId: string): CaseView | null | undefined {
  return useLiveQuery(() => loadCaseView(db, caseId), [caseId]);
}
