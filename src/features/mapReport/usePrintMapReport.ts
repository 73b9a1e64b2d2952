import { useAuditedPrint } from '../exports/useAuditedPrint.ts';

/** Printing the report: recorded as one document about the plan's municipality (useAuditedPrint). */
export function usePrintMapReport(municipalityId: string | undefined): {
  print: () => Promise<void>;
  failed: boolean;
} {
  return useAuditedPrint(() =>
    municipalityId === undefined
      ? undefined
      : { kind: 'mapReport', rows: 1, caseId: null, schoolId: null, municipalityId },
  );
}
