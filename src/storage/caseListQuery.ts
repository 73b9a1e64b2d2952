import type { CaseIndexEntry } from '../domain/caseIndex.ts';
import { sortCases, type CaseSummary } from '../domain/caseListFilter.ts';
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
    ...(entry.file === undefined ? {} : { file: entry.file }),
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

/** The first rows of the list in its default order, and how many cases there are, read before the whole list. */
export interface CaseListHead {
  rows: CaseSummary[];
  total: number;
}

/**
 * The first `size` rows in the list's default order (next due first), read
 * through the `nextDue` index: the entries due no later than the `size`th,
 * sorted exactly as sortCases sorts the whole list (ties on that day
 * included), so the first screen shows before 10,000 rows are read and does
 * not change when they arrive. Null when fewer than `size` cases have
 * anything due: then the order depends on every row.
 */
export async function loadCaseListHead(db: UraDatabase, size: number): Promise<CaseListHead | null> {
  return db.transaction('r', db.caseIndex, async () => {
    const first = await db.caseIndex.orderBy('nextDue').limit(size).toArray();
    const last = first.at(-1)?.nextDue;
    if (first.length < size || last == null) return null;
    const [candidates, total] = await Promise.all([
      db.caseIndex.where('nextDue').belowOrEqual(last).toArray(),
      db.caseIndex.count(),
    ]);
    return { rows: sortCases(candidates.map(summaryOf), 'due').slice(0, size), total };
  });
}
