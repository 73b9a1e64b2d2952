import { ALL_GROUP, BREAKDOWNS, type Breakdown, type FigureRow, type FigureTable } from './dashboardFigures.ts';
import { GROUP_ORDER, type GroupsCache, type Grouped } from './dashboardGroups.ts';

/**
 * Counts of one figure under every breakdown at once: each record is added
 * once with its groups, and each breakdown's table comes out with its totals.
 */
export class Tally {
  /** Per breakdown (BREAKDOWNS' order), per group number, the counts of each column. */
  private readonly rows: (number[] | undefined)[][] = BREAKDOWNS.map(() => []);

  constructor(
    readonly columns: readonly string[],
    private readonly groups: GroupsCache,
  ) {}

  add(grouped: Grouped, column: number): void {
    for (let breakdown = 0; breakdown < this.rows.length; breakdown += 1) {
      const rows = this.rows[breakdown] ?? [];
      const at = grouped.at[breakdown] ?? 0;
      let row = rows[at];
      if (row === undefined) {
        row = new Array<number>(this.columns.length).fill(0);
        rows[at] = row;
      }
      row[column] = (row[column] ?? 0) + 1;
    }
  }

  /** The table of one breakdown: every school of the place listed, empty personal groups left out. */
  table(breakdown: Breakdown, schoolIds: readonly string[]): FigureTable {
    const index = BREAKDOWNS.indexOf(breakdown);
    const counted = this.rows[index] ?? [];
    const keepEmpty = breakdown === 'all' || breakdown === 'school';
    const rows: FigureRow[] = [];
    for (const group of rowOrder(breakdown, schoolIds)) {
      const at = this.groups.numberOf(index, group);
      const cells = at === undefined ? undefined : counted[at];
      if (cells === undefined && !keepEmpty) continue;
      const filled = cells ?? new Array<number>(this.columns.length).fill(0);
      rows.push({ group, cells: [...filled], total: sum(filled) });
    }
    const columnTotals = this.columns.map((_, column) => sum(rows.map((row) => row.cells[column] as number)));
    return { columns: [...this.columns], rows, columnTotals, total: sum(columnTotals) };
  }
}

function rowOrder(breakdown: Breakdown, schoolIds: readonly string[]): readonly string[] {
  switch (breakdown) {
    case 'all':
      return [ALL_GROUP];
    case 'school':
      return schoolIds;
    default:
      return GROUP_ORDER[breakdown];
  }
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
