import { isIsoDate, type IsoDate } from './dueDates.ts';
import { TERM_PATTERN } from './riskScreening.ts';

/**
 * The school term a date falls in, written as riskScreening's TERM_PATTERN
 * ("2025-2026/1"). Both Kosovo and Serbia start the school year in September
 * and split it into two halves around the winter break, so this default cuts
 * the year at 1 February: September–January is term 1, February–August term
 * 2 (the summer belongs to the year just ending). It is a proposal ([P]) — an
 * administrator may change it, and the screening form lets the teacher edit
 * the term anyway; nothing is stored by this rule except through that form.
 */
export const TERM_DEFAULTS = {
  /** First month (1–12) of a school year. */
  yearStartMonth: 9,
  /** First month (1–12) of the second term. */
  secondTermStartMonth: 2,
} as const;

export interface TermCalendar {
  yearStartMonth: number;
  secondTermStartMonth: number;
}

/** The term `date` falls in, e.g. 2025-11-03 → "2025-2026/1", 2026-03-10 → "2025-2026/2". */
export function termForDate(date: IsoDate, calendar: TermCalendar = TERM_DEFAULTS): string {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= calendar.yearStartMonth ? year : year - 1;
  // The second term runs from its start month up to the month before the next year begins.
  const inSecond = month >= calendar.secondTermStartMonth && month < calendar.yearStartMonth;
  return `${startYear}-${startYear + 1}/${inSecond ? 2 : 1}`;
}

/** True for a term the screening validator accepts: the pattern, with consecutive years (2025-2026). */
export function isSchoolTerm(term: string): boolean {
  const match = TERM_PATTERN.exec(term.trim());
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}
