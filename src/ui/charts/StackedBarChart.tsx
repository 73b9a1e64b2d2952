import { useId } from 'react';
import { ChartLegend, type LegendEntry } from './ChartLegend.tsx';
import { niceMax, percentOf } from './chartScale.ts';
import { HatchPattern } from './HatchPattern.tsx';
import './charts.css';

/** The length of the stub drawn for a row of which nothing is shown, in percent of the bar. */
const STUB = 3;

export interface StackSeries {
  key: string;
  label: string;
  color: string;
}

export interface StackRow {
  key: string;
  label: string;
  /** One per series; null for a count that is not shown. */
  values: readonly (number | null)[];
  /** The row's total when it is shown: what the shown counts leave of it is drawn hatched. */
  total: number | null;
  totalText: string;
}

/**
 * One horizontal bar per row, split by series, with the row's total at its
 * end. Counts that are not shown are drawn as one hatched remainder (the
 * total less the shown counts, which the table gives away anyway), never
 * each alone. One image to screen readers; the table holds the numbers.
 */
export function StackedBarChart({
  label,
  series,
  rows,
  notShownLabel,
}: {
  label: string;
  series: readonly StackSeries[];
  rows: readonly StackRow[];
  notShownLabel: string;
}) {
  const shownSum = (row: StackRow) => row.values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const max = niceMax(rows.map((row) => row.total ?? shownSum(row)));
  const anyHidden = rows.some((row) => row.values.some((value) => value === null));
  // React's ids hold characters a url(#…) reference would need escaped.
  const hatch = `hatch${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const legend: LegendEntry[] = [
    ...series.map((item) => ({ key: item.key, label: item.label, color: item.color })),
    ...(anyHidden ? [{ key: '#hidden', label: notShownLabel, color: '', hatched: true }] : []),
  ];
  return (
    <div className="chart stacked-chart" role="img" aria-label={label}>
      {rows.map((row) => {
        let x = 0;
        const remainder = row.total === null ? 0 : Math.max(0, row.total - shownSum(row));
        // Nothing known of the row but that it is not empty: a short stub says so, as a bar chart's does.
        const stub = row.total === null && shownSum(row) === 0 ? STUB : 0;
        return (
          <div className="bar-row" key={row.key}>
            <span className="bar-label">{row.label}</span>
            <svg className="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              {row.values.map((value, index) => {
                if (value === null || value === 0) return null;
                const width = percentOf(value, max);
                const rect = (
                  <rect
                    key={series[index]?.key ?? index}
                    x={x}
                    y="0"
                    width={width}
                    height="10"
                    fill={series[index]?.color}
                  />
                );
                x += width;
                return rect;
              })}
              {remainder > 0 || stub > 0 ? (
                <>
                  <HatchPattern id={`${hatch}-${row.key}`} />
                  <rect
                    className="chart-hatched-fill"
                    x={x}
                    y="0"
                    width={stub > 0 ? stub : percentOf(remainder, max)}
                    height="10"
                    fill={`url(#${hatch}-${row.key})`}
                  />
                </>
              ) : null}
            </svg>
            <span className="bar-value">{row.totalText}</span>
          </div>
        );
      })}
      <ChartLegend entries={legend} />
    </div>
  );
}
