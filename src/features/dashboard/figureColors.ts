import type { FigureKey } from '../../domain/dashboard/dashboardFigures.ts';

/**
 * Colours per column, told apart also by people with the common colour-vision
 * deficiencies (after Okabe & Ito), dark enough to read as shapes on white.
 * Risk and outcome colours carry their meaning; the rest are a fixed cycle.
 */
const CYCLE = ['#0b5d63', '#d55e00', '#0072b2', '#cc79a7', '#b07d00', '#009e73', '#56b4e9', '#7a4b9c', '#6b7280'];

const BY_FIGURE: Partial<Record<FigureKey, readonly string[]>> = {
  screened: ['#4f9a94', '#b07d00', '#d55e00', '#8b1a1a'],
  casesByRisk: ['#4f9a94', '#b07d00', '#d55e00', '#8b1a1a', '#6b7280'],
  casesByStatus: ['#b07d00', '#56b4e9', '#0072b2', '#0b5d63', '#009e73', '#6b7280'],
  flagToPlan: ['#0b5d63', '#d55e00', '#8b1a1a'],
  actionsByStatus: ['#56b4e9', '#0072b2', '#009e73', '#6b7280'],
  outcomes: ['#009e73', '#0072b2', '#0b5d63', '#b42318', '#9a6b3f', '#6b7280'],
};

export function columnColor(figure: FigureKey, index: number): string {
  const colors = BY_FIGURE[figure] ?? CYCLE;
  return colors[index % colors.length] ?? '#6b7280';
}

/** A line per group in the trend: the cycle. */
export function seriesColor(index: number): string {
  return CYCLE[index % CYCLE.length] ?? '#6b7280';
}
