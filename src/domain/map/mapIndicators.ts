import type { DashboardFigures, FigureTable, ShownCount } from '../dashboard/dashboardFigures.ts';
import type { IndicatorSource } from './mapRecords.ts';

/**
 * The value of an indicator the case data answers, read from the
 * municipality's dashboard figures (the same figures the coordinator sees,
 * suppressed the same way), or null when the figures cannot answer it: no
 * figures yet, or a count too small to show.
 *
 * - identifiedAtRisk: the caseload — cases open now or closed within the
 *   dashboard's twelve months (each flag is a student identified at risk);
 * - planWithinDeadline: the share of cases whose plan came within the
 *   protocol's deadline, as a percentage;
 * - backToAttendance: of the cases closed with a known outcome, the share back
 *   in regular attendance, as a percentage. Flags found unfounded are left
 *   out; a child who left Ura's reach counts against it (docs/dashboard.md).
 */
export function automaticValue(source: IndicatorSource, figures: DashboardFigures | undefined): number | null {
  if (source === 'manual' || figures === undefined) return null;
  const all = figures.breakdowns.all;
  switch (source) {
    case 'identifiedAtRisk':
      return shown(all.casesByStatus.total);
    case 'planWithinDeadline': {
      const share = all.flagToPlan.overallShareOnTime;
      return share === null ? null : percent(share);
    }
    case 'backToAttendance':
      return backToAttendanceShare(all.outcomes);
  }
}

function shown(count: ShownCount): number | null {
  return typeof count === 'number' ? count : null;
}

/** One decimal place: what a report prints. */
function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}

function backToAttendanceShare(outcomes: FigureTable): number | null {
  let back: number | null = null;
  let known = 0;
  for (const [index, column] of outcomes.columns.entries()) {
    if (column === 'notConfirmed') continue;
    const count = shown(outcomes.columnTotals[index] ?? 'hidden');
    // A hidden column could be any small number: the share cannot be told.
    if (count === null) return null;
    known += count;
    if (column === 'backToAttendance') back = count;
  }
  if (back === null || known === 0) return null;
  return percent(back / known);
}
