import type { CaseIndexEntry } from '../domain/caseIndex.ts';
import type { CaseSummary } from '../domain/caseListFilter.ts';
import type { UraDatabase } from './UraDatabase.ts';

export type { CaseSummary };

function summaryOf(entry: CaseIndexEntry): CaseSummary {
  const { caseId, status, studentId, givenName, familyName, searchKey, schoolId, riskLevel, nextDue } = entry;
  return {
    caseId,
    status,
    studentId,
    givenName,
    familyName,
    searchKey,
    schoolId,
    riskLevel,
    nextDue,
    caseManagerId: entry.caseManagerId,
    flaggedAt: entry.flaggedAt,
  };
}

/**
 * The case list's rows (PRODUCT F2, F4): the device's case index, one small
 * row per case kept up to date by every write (caseIndex.ts), so the list
 * never reads whole cases, students, plan actions or notes.
 */
export async function loadCaseSummaries(db: UraDatabase): Promise<CaseSummary[]> {
  return (await db.caseIndex.toArray()).map(summaryOf);
}
