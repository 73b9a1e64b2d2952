import { ChartLegend } from './ChartLegend.tsx';
import { niceMax } from './chartScale.ts';
import './charts.css';

export interface TrendSeries {
  key: string;
  label: string;
  color: string;
  /** One per x label; null where the count is not shown (the line breaks there). */
  values: readonly (number | null)[];
}

const WIDTH = 360;
const HEIGHT = 170;
const LEFT = 30;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 24;

/** Consecutive shown points, so a count that is not shown breaks the line instead of being guessed. */
function runs(values: readonly (number | null)[]): { index: number; value: number }[][] {
  const out: { index: number; value: number }[][] = [];
  let current: { index: number; value: number }[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push({ index, value });
  });
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * A line per series over the x labels (months), with a scale of 0, half and
 * the top. A legend when there is more than one line. One image to screen
 * readers, named by `label`; the table holds the numbers.
 */
export function TrendLine({
  label,
  xLabels,
  series,
  gapLabel,
}: {
  label: string;
  xLabels: readonly string[];
  series: readonly TrendSeries[];
  /** Said under the chart when a line has gaps (counts not shown). */
  gapLabel: string;
}) {
  const max = niceMax(series.flatMap((item) => item.values));
  const step = (WIDTH - LEFT - RIGHT) / Math.max(1, xLabels.length - 1);
  const xOf = (index: number) => LEFT + index * step;
  const yOf = (value: number) => TOP + (1 - value / max) * (HEIGHT - TOP - BOTTOM);
  const gaps = series.some((item) => item.values.some((value) => value === null));
  return (
    <div className="chart trend-chart" role="img" aria-label={label}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
        {[0, max / 2, max].map((tick) => (
          <g key={tick} className="trend-grid">
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={yOf(tick)} y2={yOf(tick)} />
            <text x={LEFT - 4} y={yOf(tick) + 4} textAnchor="end">
              {Number.isInteger(tick) ? tick : ''}
            </text>
          </g>
        ))}
        {xLabels.map((text, index) => (
          <text key={text} className="trend-x" x={xOf(index)} y={HEIGHT - 6} textAnchor="middle">
            {text}
          </text>
        ))}
        {series.map((item) =>
          runs(item.values).map((run) => (
            <g key={`${item.key}-${run[0]?.index ?? 0}`} stroke={item.color} fill={item.color}>
              {run.length > 1 ? (
                <polyline
                  className="trend-line"
                  fill="none"
                  points={run.map((point) => `${xOf(point.index)},${yOf(point.value)}`).join(' ')}
                />
              ) : null}
              {run.map((point) => (
                <circle key={point.index} cx={xOf(point.index)} cy={yOf(point.value)} r="3" />
              ))}
            </g>
          )),
        )}
      </svg>
      {series.length > 1 ? (
        <ChartLegend entries={series.map((item) => ({ key: item.key, label: item.label, color: item.color }))} />
      ) : null}
      {gaps ? (
        <p className="chart-note" aria-hidden="true">
          {gapLabel}
        </p>
      ) : null}
    </div>
  );
}
