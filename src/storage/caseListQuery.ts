import { Dexie } from 'dexie';
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
 * Index entries opened per read of the whole list. Each read's rows are opened
 * in one pass on the page's thread (140–230 µs an entry at 4× CPU throttling,
 * docs/benchmarks.md), so a slice keeps the page answering taps between reads.
 */
export const CASE_LIST_SLICE = 500;

/**
 * The case list's rows (PRODUCT F2, F4): the device's case index, one small
 * row per case kept up to date by every write (caseIndex.ts), so the list
 * never reads whole cases, students, plan actions or notes. Read in slices in
 * key order, yielding to the page between them: read at once, 10,000 sealed
 * entries held the page for seconds just after the first screen showed.
 */
export async function loadCaseSummaries(db: UraDatabase, sliceSize = CASE_LIST_SLICE): Promise<CaseSummary[]> {
  // A slice of none would never end the loop below.
  if (!Number.isInteger(sliceSize) || sliceSize < 1)
    throw new RangeError('loadCaseSummaries reads slices of 1 or more');
  const rows: CaseSummary[] = [];
  let last: string | undefined;
  for (;;) {
    const from = last === undefined ? db.caseIndex.toCollection() : db.caseIndex.where(':id').above(last);
    const slice = await from.limit(sliceSize).toArray();
    for (const entry of slice) rows.push(summaryOf(entry));
    if (slice.length < sliceSize) return rows;
    last = slice[slice.length - 1]?.caseId;
    // Dexie.waitFor keeps a live query's observation going across a wait that is not Dexie's own.
    await Dexie.waitFor(nextTask());
  }
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
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
