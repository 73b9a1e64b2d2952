import type { CaseRecord, CaseStatus } from './caseRecord.ts';
import { addCalendarDays, type IsoDate } from './dueDates.ts';
import { levelRank, type RiskLevel } from './protocolProfile.ts';
import { foldForSearch } from './searchText.ts';
import type { StudentFields } from './student.ts';

/**
 * What the case list's file needs beyond the list's own columns, kept in the
 * case index so an export reads nothing more (issue 6: 10,000 rows ≤ 2 s).
 */
export interface CaseFileFields {
  record: Pick<CaseRecord, 'trigger' | 'openedAt' | 'planActivatedAt' | 'closedAt' | 'closureReason'>;
  /** Null when the student is not on the device (not synced yet). */
  student: Pick<StudentFields, 'grade' | 'className'> | null;
}

/** One row of the case list: what the list shows, filters and sorts on, read in bulk (caseListQuery.ts). */
export interface CaseSummary {
  caseId: string;
  status: CaseStatus;
  studentId: string;
  /** '' when the student is not on the device (not synced yet). */
  givenName: string;
  familyName: string;
  /** The student's names folded by foldForSearch (the student record's own key). */
  searchKey: string;
  schoolId: string;
  /** The level of the student's latest screening; null when never screened. */
  riskLevel: RiskLevel | null;
  /** The earliest of the case's protocol deadlines and open plan actions; null when nothing is due. */
  nextDue: IsoDate | null;
  caseManagerId: string | null;
  flaggedAt: IsoDate;
  /** Absent in index entries written before it existed: the export then reads the records. */
  file?: CaseFileFields;
}

export const DUE_FILTERS = ['any', 'overdue', 'thisWeek'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export const CASE_SORTS = ['due', 'name', 'recent', 'risk'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** '' in status, risk level or school means "any". `riskLevel: 'none'` finds students never screened. */
export interface CaseListFilter {
  query: string;
  status: CaseStatus | '';
  riskLevel: RiskLevel | 'none' | '';
  schoolId: string;
  due: DueFilter;
}

export const NO_CASE_FILTER: CaseListFilter = { query: '', status: '', riskLevel: '', schoolId: '', due: 'any' };

/** How far ahead "due this week" looks, as on the Today screen: today and the next seven days. */
export const WEEK_DAYS = 7;

/**
 * The query's words, folded once per keystroke rather than once per row.
 * A row matches when every word starts some word of its search key, exactly
 * as matchesSearch decides (the key's words are single-space separated).
 */
export function searchTerms(query: string): string[] {
  return foldForSearch(query).split(' ').filter(Boolean);
}

export function matchesTerms(foldedKey: string, terms: readonly string[]): boolean {
  return terms.every((term) => foldedKey.startsWith(term) || foldedKey.includes(` ${term}`));
}

function matchesDue(nextDue: IsoDate | null, due: DueFilter, today: IsoDate, weekEnd: IsoDate): boolean {
  switch (due) {
    case 'any':
      return true;
    case 'overdue':
      return nextDue !== null && nextDue < today;
    case 'thisWeek':
      return nextDue !== null && nextDue >= today && nextDue <= weekEnd;
  }
}

/** The rows that pass every filter, in the order given: filtering never adds, drops only, and keeps the sort. */
export function filterCases(rows: readonly CaseSummary[], filter: CaseListFilter, today: IsoDate): CaseSummary[] {
  const terms = searchTerms(filter.query);
  const weekEnd = addCalendarDays(today, WEEK_DAYS);
  return rows.filter(
    (row) =>
      (filter.status === '' || row.status === filter.status) &&
      (filter.schoolId === '' || row.schoolId === filter.schoolId) &&
      (filter.riskLevel === '' || (row.riskLevel ?? 'none') === filter.riskLevel) &&
      matchesDue(row.nextDue, filter.due, today, weekEnd) &&
      (terms.length === 0 || matchesTerms(row.searchKey, terms)),
  );
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Nulls last, whatever the direction, so "nothing due" and "not screened" never crowd the top. */
function compareNullableText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

function byId(a: CaseSummary, b: CaseSummary): number {
  return compareText(a.caseId, b.caseId);
}

type Keyed = { row: CaseSummary; nameKey: string };

/** Family name first, folded, so Јовановић and Jovanović sort together whatever the script. */
function nameKey(row: CaseSummary): string {
  return foldForSearch(`${row.familyName} ${row.givenName}`);
}

const COMPARATORS: Readonly<Record<CaseSort, (a: Keyed, b: Keyed) => number>> = {
  due: (a, b) =>
    compareNullableText(a.row.nextDue, b.row.nextDue) || compareText(a.nameKey, b.nameKey) || byId(a.row, b.row),
  name: (a, b) => compareText(a.nameKey, b.nameKey) || byId(a.row, b.row),
  // Newest flag first; ids made later (UUIDv7) break ties the same way.
  recent: (a, b) => compareText(b.row.flaggedAt, a.row.flaggedAt) || byId(b.row, a.row),
  risk: (a, b) =>
    (b.row.riskLevel === null ? -1 : levelRank(b.row.riskLevel)) -
      (a.row.riskLevel === null ? -1 : levelRank(a.row.riskLevel)) ||
    compareNullableText(a.row.nextDue, b.row.nextDue) ||
    compareText(a.nameKey, b.nameKey) ||
    byId(a.row, b.row),
};

/**
 * A new array in the chosen order. Every order ends on the case id, so it is
 * total: the result never depends on the order rows were read in. Names are
 * folded once per row, not once per comparison, and only for the name order.
 */
export function sortCases(rows: readonly CaseSummary[], sort: CaseSort): CaseSummary[] {
  // Only the name order folds family-name-first; the others break ties on the stored key, at no cost.
  const keyed: Keyed[] = rows.map((row) => ({ row, nameKey: sort === 'name' ? nameKey(row) : row.searchKey }));
  keyed.sort(COMPARATORS[sort]);
  return keyed.map((entry) => entry.row);
}
