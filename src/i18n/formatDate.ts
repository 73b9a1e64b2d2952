/**
 * Dates and times through Intl in the interface language (e.g. Serbian
 * Latin gets "23. nov 2026." and Albanian "23 nëntor 2026").
 */
export function formatDateTime(value: number | Date, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(value);
}

export function formatTime(value: number | Date, language: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(value);
}

/** Today's date if `value` is today, else the date and time. */
export function formatWhen(value: number, language: string, now = Date.now()): string {
  const sameDay = new Date(value).toDateString() === new Date(now).toDateString();
  return sameDay ? formatTime(value, language) : formatDateTime(value, language);
}

/**
 * A date-only value (2026-11-23) in the interface language. Formatted in UTC
 * so the day never shifts by the phone's time zone.
 */
export function formatIsoDate(iso: string, language: string, style: 'medium' | 'long' = 'medium'): string {
  const [year = 1970, month = 1, day = 1] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}
