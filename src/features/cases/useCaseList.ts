import { useDeferredValue, useMemo, useRef } from 'react';
import {
  filterCases,
  NO_CASE_FILTER,
  sortCases,
  type CaseListFilter,
  type CaseSort,
  type CaseSummary,
} from '../../domain/caseListFilter.ts';
import { localIsoDate } from '../../domain/dueDates.ts';
import { loadCaseListHead, loadCaseSummaries } from '../../storage/caseListQuery.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { useCatchingUp } from '../../state/syncStatusStore.ts';
import type { SchoolRecord } from '../../storage/UraDatabase.ts';

export interface CaseList {
  isLoading: boolean;
  /** True while a new search or filter is still being applied in the background. */
  isUpdating: boolean;
  total: number;
  /** How many cases pass the filter; more than `rows` holds while only the first rows are read. */
  matching: number;
  rows: CaseSummary[];
  schools: Map<string, SchoolRecord>;
  /** The schools that have cases on the device, for the school filter. */
  caseSchoolIds: string[];
  today: string;
}

/**
 * The case list: read in bulk once per change on the device, sorted when the
 * data or the order change, and filtered as the user types. Filtering is
 * deferred, so the search box never waits for 10,000 rows.
 */
export function useCaseList(filter: CaseListFilter, sort: CaseSort, headSize: number): CaseList {
  // While a sync brings page after page, nothing is read, so nothing is recomputed after each page.
  const catchingUp = useCatchingUp();
  // The first screen, read through an index before the whole list; once the list has loaded, this query stops
  // (returning without reading, it watches no table).
  const allLoaded = useRef(false);
  const head = useLiveQuery(
    () => (allLoaded.current || catchingUp ? null : loadCaseListHead(db, headSize)),
    [headSize, catchingUp],
  );
  // The whole list only once the first screen is in: opening 10,000 sealed rows holds the page for seconds
  // (docs/encryption.md), and read together the first screen would wait for it.
  const headSettled = head !== undefined;
  const all = useLiveQuery(
    () => (catchingUp || !headSettled ? undefined : loadCaseSummaries(db)),
    [catchingUp, headSettled],
  );
  allLoaded.current ||= all !== undefined;
  const schoolRows = useLiveQuery(() => db.schools.toArray(), []);
  const today = localIsoDate(new Date());
  const deferredFilter = useDeferredValue(filter);
  const deferredSort = useDeferredValue(sort);
  const sorted = useMemo(() => sortCases(all ?? [], deferredSort), [all, deferredSort]);
  const rows = useMemo(() => filterCases(sorted, deferredFilter, today), [sorted, deferredFilter, today]);
  const schools = useMemo(() => new Map((schoolRows ?? []).map((school) => [school.id, school])), [schoolRows]);
  const caseSchoolIds = useMemo(() => [...new Set((all ?? []).map((row) => row.schoolId))], [all]);
  const headOnly = all === undefined && head != null && sort === 'due' && sameFilter(filter, NO_CASE_FILTER);
  if (headOnly) {
    return {
      isLoading: false,
      isUpdating: true,
      total: head.total,
      matching: head.total,
      rows: head.rows,
      schools,
      caseSchoolIds,
      today,
    };
  }
  return {
    isLoading: all === undefined,
    isUpdating: deferredFilter !== filter || deferredSort !== sort,
    total: all?.length ?? 0,
    matching: rows.length,
    rows,
    schools,
    caseSchoolIds,
    today,
  };
}

function sameFilter(a: CaseListFilter, b: CaseListFilter): boolean {
  return (
    a.query === b.query &&
    a.status === b.status &&
    a.riskLevel === b.riskLevel &&
    a.schoolId === b.schoolId &&
    a.due === b.due
  );
}
