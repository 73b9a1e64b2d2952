import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_SORTS,
  filterCases,
  matchesTerms,
  NO_CASE_FILTER,
  searchTerms,
  sortCases,
  type CaseListFilter,
  type CaseSummary,
} from '../../../../src/domain/caseListFilter.ts';
import { CASE_STATUSES } from '../../../../src/domain/caseRecord.ts';
import { RISK_LEVELS } from '../../../../src/domain/protocolProfile.ts';
import { foldForSearch, matchesSearch } from '../../../../src/domain/searchText.ts';

const TODAY = '2026-11-10';

function row(overrides: Partial<CaseSummary> & { caseId: string }): CaseSummary {
  const givenName = overrides.givenName ?? 'Ana';
  const familyName = overrides.familyName ?? 'Krasniqi';
  return {
    status: 'open',
    studentId: `student-${overrides.caseId}`,
    givenName,
    familyName,
    searchKey: foldForSearch(`${givenName} ${familyName}`),
    schoolId: 'school-a',
    riskLevel: null,
    nextDue: null,
    caseManagerId: null,
    flaggedAt: '2026-11-01',
    ...overrides,
  };
}

const ROWS: CaseSummary[] = [
  row({ caseId: 'c1', givenName: 'Ђорђе', familyName: 'Јовановић', riskLevel: 'high', nextDue: '2026-11-05' }),
  row({ caseId: 'c2', givenName: 'Đorđe', familyName: 'Petrović', status: 'flagged', nextDue: '2026-11-12' }),
  row({ caseId: 'c3', givenName: 'Arta', familyName: 'Gashi', schoolId: 'school-b', riskLevel: 'low' }),
  row({ caseId: 'c4', givenName: 'Marko', familyName: 'Jovanović', status: 'closed', flaggedAt: '2026-10-01' }),
  row({ caseId: 'c5', givenName: 'Blerta', familyName: 'Berisha', nextDue: '2026-11-30', riskLevel: 'veryHigh' }),
];

const ids = (rows: readonly CaseSummary[]) => rows.map((r) => r.caseId);
const filter = (change: Partial<CaseListFilter>) => filterCases(ROWS, { ...NO_CASE_FILTER, ...change }, TODAY);

describe('filterCases', () => {
  it('finds names across scripts and without diacritics', () => {
    expect(ids(filter({ query: 'dorde' }))).toEqual(['c1', 'c2']);
    expect(ids(filter({ query: 'jovanovic' }))).toEqual(['c1', 'c4']);
    expect(ids(filter({ query: 'ЈОВ мар' }))).toEqual(['c4']);
    expect(ids(filter({ query: 'ovanov' }))).toEqual([]);
  });

  it('filters by status, school and risk level, with "not screened" as a level of its own', () => {
    expect(ids(filter({ status: 'flagged' }))).toEqual(['c2']);
    expect(ids(filter({ schoolId: 'school-b' }))).toEqual(['c3']);
    expect(ids(filter({ riskLevel: 'high' }))).toEqual(['c1']);
    expect(ids(filter({ riskLevel: 'none' }))).toEqual(['c2', 'c4']);
  });

  it('tells overdue cases from those due in the next seven days; nothing due matches neither', () => {
    expect(ids(filter({ due: 'overdue' }))).toEqual(['c1']);
    expect(ids(filter({ due: 'thisWeek' }))).toEqual(['c2']);
    expect(ids(filterCases(ROWS, { ...NO_CASE_FILTER, due: 'thisWeek' }, '2026-11-23'))).toEqual(['c5']);
  });

  it('combines every filter', () => {
    expect(ids(filter({ query: 'jov', status: 'open', due: 'overdue', riskLevel: 'high' }))).toEqual(['c1']);
    expect(ids(filter({ query: 'jov', status: 'closed', due: 'overdue' }))).toEqual([]);
  });
});

const summaryArb = fc.record({
  caseId: fc.uuid(),
  status: fc.constantFrom(...CASE_STATUSES),
  givenName: fc.constantFrom('Ana', 'Ђорђе', 'Đorđe', 'Marko', 'Arta', ''),
  familyName: fc.constantFrom('Jovanović', 'Јовановић', 'Gashi', 'Berisha', ''),
  schoolId: fc.constantFrom('school-a', 'school-b'),
  riskLevel: fc.constantFrom(null, ...RISK_LEVELS),
  nextDue: fc.constantFrom(null, '2026-11-01', '2026-11-10', '2026-11-15', '2026-12-01'),
  flaggedAt: fc.constantFrom('2026-09-01', '2026-10-01', '2026-11-01'),
});
const rowsArb = fc
  .uniqueArray(summaryArb, { selector: (r) => r.caseId, maxLength: 30 })
  .map((list) => list.map((r) => row(r)));
const filterArb = fc.record({
  query: fc.constantFrom('', 'jov', 'dorde', 'a', 'ђор', 'x y'),
  status: fc.constantFrom('' as const, ...CASE_STATUSES),
  riskLevel: fc.constantFrom('' as const, 'none' as const, ...RISK_LEVELS),
  schoolId: fc.constantFrom('', 'school-a', 'school-b'),
  due: fc.constantFrom('any' as const, 'overdue' as const, 'thisWeek' as const),
});

describe('filterCases and sortCases, for any rows', () => {
  it('never adds rows and keeps their order', () => {
    fc.assert(
      fc.property(rowsArb, filterArb, (rows, f) => {
        const result = filterCases(rows, f, TODAY);
        const positions = result.map((r) => rows.indexOf(r));
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }),
    );
  });

  it('matches a query exactly as matchesSearch does', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('marko jovanovic', 'ana krasniqi', 'dorde petrovic'), (q, key) => {
        expect(matchesTerms(key, searchTerms(q))).toBe(matchesSearch(key, q));
      }),
    );
  });

  it('sorts into a total order: the same result whatever order the rows came in', () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom(...CASE_SORTS), (rows, sort) => {
        const sorted = sortCases(rows, sort);
        expect(new Set(sorted)).toEqual(new Set(rows));
        expect(ids(sortCases([...rows].reverse(), sort))).toEqual(ids(sorted));
        expect(ids(sortCases(sorted, sort))).toEqual(ids(sorted));
      }),
    );
  });
});

describe('sortCases', () => {
  it('puts the soonest due first and nothing due last', () => {
    expect(ids(sortCases(ROWS, 'due'))).toEqual(['c1', 'c2', 'c5', 'c3', 'c4']);
  });

  it('orders by family name across scripts', () => {
    expect(ids(sortCases(ROWS, 'name'))).toEqual(['c5', 'c3', 'c1', 'c4', 'c2']);
  });

  it('puts the newest flag first', () => {
    expect(ids(sortCases(ROWS, 'recent')).at(-1)).toBe('c4');
  });

  it('puts the highest risk first and the never screened last', () => {
    expect(ids(sortCases(ROWS, 'risk'))).toEqual(['c5', 'c1', 'c3', 'c2', 'c4']);
  });
});
