import type { CaseStatus, CaseTrigger, ClosureReason } from '../../domain/caseRecord.ts';
import { toCsv, type CsvCell } from '../../domain/csvFile.ts';
import type { RiskLevel } from '../../domain/protocolProfile.ts';
import type { CaseListExportRow } from './loadCaseListExport.ts';

/** The file's columns, in order: identity, place, where the case stands, its dates (ISO, so spreadsheets sort them). */
export const CASE_LIST_COLUMNS = [
  'caseId',
  'givenName',
  'familyName',
  'school',
  'grade',
  'className',
  'status',
  'riskLevel',
  'trigger',
  'flaggedAt',
  'openedAt',
  'planActivatedAt',
  'closedAt',
  'closureReason',
  'nextDue',
] as const;
export type CaseListColumn = (typeof CASE_LIST_COLUMNS)[number];

/** Every word of the file in the reader's language. */
export interface CaseListWords {
  header: (column: CaseListColumn) => string;
  school: (schoolId: string) => string;
  status: (status: CaseStatus) => string;
  risk: (level: RiskLevel | null) => string;
  trigger: (trigger: CaseTrigger) => string;
  closureReason: (reason: ClosureReason) => string;
}

/**
 * The case list as a CSV file (toCsv: UTF-8 with a BOM, CRLF, quoted where
 * needed, formulas neutralised). Codes are written as words, dates as ISO
 * dates; a value the device does not hold is left empty.
 */
export function caseListCsv(rows: readonly CaseListExportRow[], given: CaseListWords): string {
  // A handful of distinct values over 10,000 rows: each is translated once, not once per cell.
  const words: CaseListWords = {
    header: given.header,
    school: remembered(given.school),
    status: remembered(given.status),
    risk: remembered(given.risk),
    trigger: remembered(given.trigger),
    closureReason: remembered(given.closureReason),
  };
  const lines = rows.map(({ summary, record, student }): CsvCell[] => [
    summary.caseId,
    summary.givenName,
    summary.familyName,
    words.school(summary.schoolId),
    student?.grade ?? null,
    student?.className ?? null,
    words.status(summary.status),
    words.risk(summary.riskLevel),
    record === undefined ? null : words.trigger(record.trigger),
    summary.flaggedAt,
    record?.openedAt ?? null,
    record?.planActivatedAt ?? null,
    record?.closedAt ?? null,
    record?.closureReason == null ? null : words.closureReason(record.closureReason),
    summary.nextDue,
  ]);
  return toCsv(CASE_LIST_COLUMNS.map(words.header), lines);
}

function remembered<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}

/** The file's name: the day only, never a name (it may be mailed or left in a Downloads folder). */
export function caseListFileName(today: string): string {
  return `ura-cases-${today}.csv`;
}
