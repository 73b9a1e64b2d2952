import type { Quarter } from '../../domain/map/mapRecords.ts';
import type { MapProgressRow } from '../../storage/mapRecords.ts';

/** Newest quarter first; of two reports for one quarter (two phones offline), the later written first. */
export function newestFirst(entries: readonly MapProgressRow[]): MapProgressRow[] {
  return [...entries].sort(
    (a, b) => b.period.localeCompare(a.period) || (b.recordedAt ?? '').localeCompare(a.recordedAt ?? ''),
  );
}

/** The report of that quarter, if any: the one a new report for it changes instead of adding a second. */
export function entryFor(entries: readonly MapProgressRow[], quarter: Quarter): MapProgressRow | undefined {
  return newestFirst(entries).find((entry) => entry.period === quarter);
}

/** The quarter a report defaults to: today's, kept within the plan's period. */
export function defaultQuarter(quarters: readonly Quarter[], today: Quarter): Quarter {
  const first = quarters[0] ?? today;
  const last = quarters.at(-1) ?? today;
  if (today < first) return first;
  if (today > last) return last;
  return today;
}
