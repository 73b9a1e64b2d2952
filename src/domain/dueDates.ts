/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), the school's local calendar
 * day. Done in UTC day numbers so daylight-saving changes never shift a date.
 * School days are Monday–Friday minus the holidays a deployment injects.
 */
export type IsoDate = string;

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A protocol deadline never needs more than ten years of stepping; guards against an all-holiday calendar. */
const MAX_STEPS = 3660;

export const DURATION_UNITS = ['schoolDays', 'calendarDays', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export interface Duration {
  amount: number;
  unit: DurationUnit;
}

/** School holidays, as a set of ISO dates; weekends are never school days. */
export interface SchoolCalendar {
  holidays: ReadonlySet<IsoDate>;
}

export const NO_HOLIDAYS: SchoolCalendar = { holidays: new Set() };

/** Year, month (1–12) and day of an ISO date, or null when the date does not exist (2026-02-30). */
function parts(value: string): [number, number, number] | null {
  if (!ISO_DATE_PATTERN.test(value)) return null;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= lastDay ? [year, month, day] : null;
}

/** True for a date that exists on the calendar (not 2026-02-30). */
export function isIsoDate(value: string): boolean {
  return parts(value) !== null;
}

/** Days since 1970-01-01, so dates can be compared and stepped as integers. */
export function toDayNumber(date: IsoDate): number {
  const found = parts(date);
  if (!found) throw new RangeError(`not an ISO date: ${date}`);
  return Math.round(Date.UTC(found[0], found[1] - 1, found[2]) / DAY_MS);
}

/** The ISO date of a day number: due dates are stored and compared as strings. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function weekday(date: IsoDate): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay();
}

/** Weekdays that are not holidays: school-day deadlines count only these. */
export function isSchoolDay(date: IsoDate, calendar: SchoolCalendar = NO_HOLIDAYS): boolean {
  return isSchoolDayNumber(toDayNumber(date), calendar);
}

/** Day 0 (1970-01-01) was a Thursday; working on numbers keeps a 10,000-case pass cheap. */
function isSchoolDayNumber(day: number, calendar: SchoolCalendar): boolean {
  const dayOfWeek = (((day + 4) % 7) + 7) % 7;
  if (dayOfWeek === 0 || dayOfWeek === 6) return false;
  return calendar.holidays.size === 0 || !calendar.holidays.has(fromDayNumber(day));
}

/** `later − earlier` in calendar days (negative when `later` is earlier). */
export function daysBetween(earlier: IsoDate, later: IsoDate): number {
  return toDayNumber(later) - toDayNumber(earlier);
}

/** Calendar days later ("within 2 weeks"), across month and year ends. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The n-th school day after `date` ("within 5 school days of the flag"):
 * a flag on a Friday is due the next Friday; weekends and holidays do not count.
 */
export function addSchoolDays(date: IsoDate, days: number, calendar: SchoolCalendar = NO_HOLIDAYS): IsoDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('school days must be a non-negative integer');
  let day = toDayNumber(date);
  let counted = 0;
  for (let step = 0; counted < days; step++) {
    if (step > MAX_STEPS) throw new RangeError('no school days in the calendar');
    day += 1;
    if (isSchoolDayNumber(day, calendar)) counted += 1;
  }
  return fromDayNumber(day);
}

/**
 * Calendar months later, clamped to the month's last day ("monthly review"):
 * 31 January + 1 month = 28 February (29 in a leap year).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Applies a profile's duration, so every deadline is computed the same way. */
export function addDuration(date: IsoDate, duration: Duration, calendar: SchoolCalendar = NO_HOLIDAYS): IsoDate {
  switch (duration.unit) {
    case 'schoolDays':
      return addSchoolDays(date, duration.amount, calendar);
    case 'calendarDays':
      return addCalendarDays(date, duration.amount);
    case 'months':
      return addMonths(date, duration.amount);
  }
}

/**
 * Builds a calendar from single holidays and inclusive ranges (winter break),
 * as an administrator would enter them for the school year.
 */
export function schoolCalendar(entries: Iterable<IsoDate | { from: IsoDate; to: IsoDate }>): SchoolCalendar {
  const holidays = new Set<IsoDate>();
  for (const entry of entries) {
    if (typeof entry === 'string') {
      toDayNumber(entry);
      holidays.add(entry);
      continue;
    }
    const last = toDayNumber(entry.to);
    for (let day = toDayNumber(entry.from); day <= last; day++) holidays.add(fromDayNumber(day));
  }
  return { holidays };
}

/** The calendar date on the device's clock where the user is, not UTC: "today" for a mentor at 00:30 is the new day. */
export function localIsoDate(moment: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
