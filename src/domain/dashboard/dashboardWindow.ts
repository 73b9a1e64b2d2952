import type { IsoDate } from '../dueDates.ts';

/** The time figures (new cases, screenings, time to plan, outcomes) look back this many calendar months. */
export const WINDOW_MONTHS = 12;

/** The month of an ISO date, as the trend keys it (YYYY-MM). */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** The window's months, oldest first, ending with the month of `asOf`. */
export function windowMonths(asOf: IsoDate): string[] {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let back = WINDOW_MONTHS - 1; back >= 0; back -= 1) {
    const index = year * 12 + month - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    months.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
  }
  return months;
}

/**
 * Whether a date falls in the window: from the first day of its first month
 * to `asOf` itself. A date after `asOf` (a phone whose clock is behind) is
 * outside, so the figures never count the future.
 */
export function inWindow(date: IsoDate | null, since: IsoDate, asOf: IsoDate): boolean {
  return date !== null && date >= since && date <= asOf;
}

/** The first day of the window. */
export function windowStart(asOf: IsoDate): IsoDate {
  return `${windowMonths(asOf)[0] ?? monthOf(asOf)}-01`;
}
