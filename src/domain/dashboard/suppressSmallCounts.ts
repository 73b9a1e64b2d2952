import {
  BREAKDOWNS,
  FIGURE_KEYS,
  TIMELINESS,
  type Breakdown,
  type BreakdownFigures,
  type DashboardFigures,
  type FigureKey,
  type FigureTable,
  type ShownCount,
  type TimelinessTable,
} from './dashboardFigures.ts';
import { SMALL_COUNT_LIMIT, suppressCounts, type CountLine } from './suppressCounts.ts';

export { SMALL_COUNT_LIMIT };

/** The figures of one place, computed as numbers: a municipality (schoolId null) or one of its schools. */
export interface PlaceFigures {
  schoolId: string | null;
  figures: DashboardFigures;
}

/**
 * Figures whose total is another figure's number, so both are one published
 * count: cases by risk and by status count the same cases, plan actions by
 * type and by status the same actions, and the outcomes the closed cases.
 */
const TOTAL_IS: Partial<Record<FigureKey, { figure: FigureKey; column: string }>> = {
  casesByRisk: { figure: 'casesByStatus', column: '#' },
  actionsByStatus: { figure: 'actionsByType', column: '#' },
  outcomes: { figure: 'casesByStatus', column: 'closed' },
};

type Condition = readonly [Breakdown, string];

/**
 * Every published count is one node, named by what it counts (figure, column,
 * and the groups it is limited to), so a count that appears in several tables
 * — a school's row of the municipality, the school's own total — is one node.
 */
function nodeKey(figure: FigureKey, column: string, conditions: readonly Condition[]): string {
  const named = conditions.map(([breakdown, group]) => `${breakdown}=${group}`).sort();
  return `${figure}|${column}|${named.join(',')}`;
}

/** The groups a row of `breakdown` counts: the place's, narrowed to the row's group. */
function rowConditions(place: readonly Condition[], breakdown: Breakdown, group: string): Condition[] {
  return breakdown === 'all' ? [...place] : [...place.filter(([b]) => b !== breakdown), [breakdown, group]];
}

function totalKey(figure: FigureKey, conditions: readonly Condition[]): string {
  const alias = TOTAL_IS[figure];
  return alias === undefined ? nodeKey(figure, '#', conditions) : nodeKey(alias.figure, alias.column, conditions);
}

class Lattice {
  readonly values = new Map<string, number>();
  readonly lines: CountLine[] = [];
  private readonly seen = new Set<string>();

  count(key: string, value: ShownCount): void {
    if (typeof value === 'number') this.values.set(key, value);
  }

  /** Members summing to a total; one whose total is among its members says nothing. */
  line(total: string, members: string[]): void {
    const distinct = [...new Set(members)];
    if (distinct.includes(total)) return;
    const signature = `${total}=${distinct.sort().join('+')}`;
    if (this.seen.has(signature)) return;
    this.seen.add(signature);
    this.lines.push({ total, members: distinct });
  }

  /** Records a table's counts and the sums that tie them (rows, columns, and the totals of both). */
  table(figure: FigureKey, table: FigureTable, place: readonly Condition[], breakdown: Breakdown): void {
    const columnKeys = table.columns.map((column) => nodeKey(figure, column, place));
    const grand = totalKey(figure, place);
    const rowTotals: string[] = [];
    const cellsByColumn: string[][] = table.columns.map(() => []);
    for (const row of table.rows) {
      const conditions = rowConditions(place, breakdown, row.group);
      const cells = table.columns.map((column) => nodeKey(figure, column, conditions));
      cells.forEach((key, index) => {
        this.count(key, row.cells[index] ?? 0);
        cellsByColumn[index]?.push(key);
      });
      const rowTotal = totalKey(figure, conditions);
      this.count(rowTotal, row.total);
      rowTotals.push(rowTotal);
      this.line(rowTotal, cells);
    }
    columnKeys.forEach((key, index) => {
      this.count(key, table.columnTotals[index] ?? 0);
      this.line(key, cellsByColumn[index] ?? []);
    });
    this.count(grand, table.total);
    this.line(grand, rowTotals);
    this.line(grand, columnKeys);
  }
}

/**
 * The places' figures as an aggregate-only reader may see them. Pass the
 * municipality and every school of it together: a school's counts are also
 * rows of the municipality's tables, and are suppressed alike in both.
 */
export function suppressSmallCounts(places: readonly PlaceFigures[]): DashboardFigures[] {
  const lattice = new Lattice();
  const conditionsOf = (place: PlaceFigures): Condition[] =>
    place.schoolId === null ? [] : [['school', place.schoolId]];
  for (const place of places) {
    for (const breakdown of BREAKDOWNS) {
      for (const figure of FIGURE_KEYS) {
        lattice.table(figure, place.figures.breakdowns[breakdown][figure], conditionsOf(place), breakdown);
      }
    }
  }
  const shown = suppressCounts(lattice.values, lattice.lines);
  return places.map((place) => {
    const rewrite = (breakdown: Breakdown): BreakdownFigures =>
      Object.fromEntries(
        FIGURE_KEYS.map((figure) => {
          const table = place.figures.breakdowns[breakdown][figure];
          const out = shownTable(figure, table, conditionsOf(place), breakdown, shown);
          return [figure, figure === 'flagToPlan' ? shownTimeliness(table as TimelinessTable, out) : out];
        }),
      ) as BreakdownFigures;
    return {
      ...place.figures,
      suppressed: true,
      breakdowns: Object.fromEntries(BREAKDOWNS.map((b) => [b, rewrite(b)])) as Record<Breakdown, BreakdownFigures>,
    };
  });
}

function shownTable(
  figure: FigureKey,
  table: FigureTable,
  place: readonly Condition[],
  breakdown: Breakdown,
  shown: ReadonlyMap<string, ShownCount>,
): FigureTable {
  const look = (key: string): ShownCount => shown.get(key) ?? 'hidden';
  return {
    columns: [...table.columns],
    rows: table.rows.map((row) => {
      const conditions = rowConditions(place, breakdown, row.group);
      return {
        group: row.group,
        cells: table.columns.map((column) => look(nodeKey(figure, column, conditions))),
        total: look(totalKey(figure, conditions)),
      };
    }),
    columnTotals: table.columns.map((column) => look(nodeKey(figure, column, place))),
    total: look(totalKey(figure, place)),
  };
}

const ON_TIME = TIMELINESS.indexOf('onTime');
const LATE = TIMELINESS.indexOf('late');

/** Medians of fewer than 5 plans, and shares whose count or total is not shown, are hidden. */
function shownTimeliness(raw: TimelinessTable, shown: FigureTable): TimelinessTable {
  const planned = (cells: readonly ShownCount[]) => Number(cells[ON_TIME] ?? 0) + Number(cells[LATE] ?? 0);
  const median = (value: number | null, cells: readonly ShownCount[]) =>
    planned(cells) >= SMALL_COUNT_LIMIT ? value : null;
  const share = (value: number | null, cells: readonly ShownCount[], total: ShownCount) =>
    typeof cells[ON_TIME] === 'number' && typeof total === 'number' ? value : null;
  return {
    ...shown,
    medianDays: raw.rows.map((row, index) => median(raw.medianDays[index] ?? null, row.cells)),
    shareOnTime: shown.rows.map((row, index) => share(raw.shareOnTime[index] ?? null, row.cells, row.total)),
    overallMedianDays: median(raw.overallMedianDays, raw.columnTotals),
    overallShareOnTime: share(raw.overallShareOnTime, shown.columnTotals, shown.total),
  };
}
