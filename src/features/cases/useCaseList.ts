import { useDeferredValue, useMemo } from 'react';
import {
  filterCases,
  sortCases,
  type CaseListFilter,
  type CaseSort,
  type CaseSummary,
} from '../../domain/caseListFilter.ts';
import { localIsoDate } from '../../domain/dueDates.ts';
import { loadCaseSummaries } from '../../storage/caseListQuery.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import type { SchoolRecord } from '../../storage/UraDatabase.ts';

export interface CaseList {
  isLoading: boolean;
  /** True while a new search or filter is still being applied in the background. */
  isUpdating: boolean;
  total: number;
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
export function useCaseList(filter: CaseListFilter, sort: CaseSort): CaseList {
  const all = useLiveQuery(() => loadCaseSummaries(db), []);
  const schoolRows = useLiveQuery(() => db.schools.toArray(), []);
  const today = localIsoDate(new Date());
  const deferredFilter = useDeferredValue(filter);
  const deferredSort = useDeferredValue(sort);
  const sorted = useMemo(() => sortCases(all ?? [], deferredSort), [all, deferredSort]);
  const rows = useMemo(() => filterCases(sorted, deferredFilter, today), [sorted, deferredFilter, today]);
  const schools = useMemo(() => new Map((schoolRows ?? []).map((school) => [school.id, school])), [schoolRows]);
  const caseSchoolIds = useMemo(() => [...new Set((all ?? []).map((row) => row.schoolId))], [all]);
  return {
    isLoading: all === undefined,
    isUpdating: deferredFilter !== filter || deferredSort !== sort,
    total: all?.length ?? 0,
    rows,
    schools,
    caseSchoolIds,
    today,
  };
}
