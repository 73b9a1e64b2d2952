import './charts.css';

export interface LegendEntry {
  key: string;
  label: string;
  color: string;
  /** Drawn hatched: counts not shown (suppressed). */
  hatched?: boolean;
}

/** What each colour stands for; hidden from screen readers, who read the table instead. */
export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {entries.map((entry) => (
        <li key={entry.key}>
          <span
            className={entry.hatched ? 'chart-swatch chart-hatched' : 'chart-swatch'}
            style={entry.hatched ? undefined : { background: entry.color }}
          />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}
