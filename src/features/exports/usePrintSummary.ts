import type { CaseView } from '../../storage/caseTimelineQuery.ts';
import { useAuditedPrint } from './useAuditedPrint.ts';

/** Printing the case summary: recorded as one document about the case (useAuditedPrint). */
export function usePrintSummary(view: CaseView | null | undefined): { print: () => Promise<void>; failed: boolean } {
  return useAuditedPrint(() =>
    view
      ? {
          kind: 'caseSummary',
          rows: 1,
          caseId: view.caseRecord.id,
          schoolId: view.caseRecord.schoolId,
          municipalityId: view.school?.municipalityId ?? null,
        }
      : undefined,
  );
}
