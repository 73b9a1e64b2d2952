import { useId } from 'react';
import { niceMax, percentOf } from './chartScale.ts';
import { HatchPattern } from './HatchPattern.tsx';
import './charts.css';

export interface BarItem {
  key: string;
  label: string;
  /** Null for a count that is not shown: a short hatched stub stands for it. */
  value: number | null;
  /** The value as the reader should read it ("12", "fewer than 5"). */
  valueText: string;
  color: string;
}

/** The length of the stub drawn for a count that is not shown, in percent of the bar. */
const STUB = 3;

/**
 * Horizontal bars, one per item, each with its label above and its value at
 * the end: HTML text (it stays sharp and translatable at any width) beside
 * SVG bars. The whole is one image to screen readers, named by `label`; the
 * numbers are in the table that goes with every chart.
 */
export function BarChart({ label, items }: { label: string; items: readonly BarItem[] }) {
  const max = niceMax(items.map((item) => item.value));
  // React's ids hold characters a url(#…) reference would need escaped.
  const hatch = `hatch${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  return (
    <div className="chart bar-chart" role="img" aria-label={label}>
      {items.map((item) => (
        <div className="bar-row" key={item.key}>
          <span className="bar-label">{item.label}</span>
          <svg className="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            {item.value === null ? <HatchPattern id={`${hatch}-${item.key}`} /> : null}
            {item.value === null ? (
              <rect
                className="chart-hatched-fill"
                x="0"
                y="0"
                width={STUB}
                height="10"
                fill={`url(#${hatch}-${item.key})`}
              />
            ) : (
              <rect x="0" y="0" width={percentOf(item.value, max)} height="10" fill={item.color} />
            )}
          </svg>
          <span className="bar-value">{item.valueText}</span>
        </div>
      ))}
    </div>
  );
}
