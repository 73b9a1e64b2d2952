import { toCsv, type CsvCell } from '../../domain/csvFile.ts';
import type { Breakdown, FigureKey, FigureTable, TimelinessTable } from '../../domain/dashboard/dashboardFigures.ts';
import type { DashboardPlace } from '../../domain/dashboard/dashboardReply.ts';
import { db } from '../../storage/database.ts';
import { recordExport } from '../../storage/exportLog.ts';
import { newRecordId } from '../../storage/recordWrites.ts';
import { correctedNow } from '../../storage/syncMeta.ts';
import { downloadFile } from '../outbox/downloadFile.ts';
import type { DashboardText } from './useDashboardText.ts';

export interface FigureCsvHeadings {
  breakdown: string;
  total: string;
  medianDays: string;
  shareOnTime: string;
}

function isTimeliness(table: FigureTable): table is TimelinessTable {
  return 'medianDays' in table;
}

/** A figure's table as spreadsheet rows: one per group, then the totals; counts as numbers, suppressed ones in words. */
export function figureCsv(
  figure: FigureKey,
  breakdown: Breakdown,
  table: FigureTable,
  text: DashboardText,
  headings: FigureCsvHeadings,
): { csv: string; rows: number } {
  const timeliness = isTimeliness(table);
  const header = [
    headings.breakdown,
    ...table.columns.map((column) => text.column(figure, column)),
    headings.total,
    ...(timeliness ? [headings.medianDays, headings.shareOnTime] : []),
  ];
  const extra = (median: number | null | undefined, share: number | null | undefined): CsvCell[] =>
    timeliness ? [median ?? '', share === null || share === undefined ? '' : Math.round(share * 1000) / 10] : [];
  const rows: CsvCell[][] = table.rows.map((row, index) => [
    text.group(breakdown, row.group),
    ...row.cells.map(text.csvCount),
    text.csvCount(row.total),
    ...(timeliness ? extra(table.medianDays[index], table.shareOnTime[index]) : []),
  ]);
  if (breakdown !== 'all') {
    rows.push([
      headings.total,
      ...table.columnTotals.map(text.csvCount),
      text.csvCount(table.total),
      ...(timeliness ? extra(table.overallMedianDays, table.overallShareOnTime) : []),
    ]);
  }
  return { csv: toCsv(header, rows), rows: rows.length };
}

/**
 * Hands the table to the browser as a CSV file and records the export for
 * the audit trail in the same step (F19). The file's name holds the figure,
 * the breakdown and the day only: never a name.
 */
export async function exportFigureCsv(
  csv: { csv: string; rows: number },
  names: { figure: FigureKey; breakdown: Breakdown; asOf: string },
  place: DashboardPlace,
): Promise<string> {
  const fileName = `ura-dashboard-${names.figure}-${names.breakdown}-${names.asOf}.csv`;
  await recordExport(db, {
    id: newRecordId(),
    kind: 'dashboardTable',
    rows: csv.rows,
    caseId: null,
    schoolId: place.schoolId,
    municipalityId: place.municipalityId,
    at: await correctedNow(db),
  });
  downloadFile(fileName, csv.csv, 'text/csv;charset=utf-8');
  return fileName;
}
