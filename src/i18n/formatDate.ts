/**
 * Dates and times through Intl in the interface language (e.g. Serbian
 * Latin gets "23. nov 2026." and Albanian "23 nëntor 2026").
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per language and style, made once: building an
 * Intl.DateTimeFormat costs far more than formatting with it, and a list
 * formats a date on every card at every keystroke.
 */
function formatter(language: string, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${style}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(language, options);
    formatters.set(key, found);
  }
  return found;
}

export function formatDateTime(value: number | Date, language: string): string {
  return formatter(language, 'dateTime', { dateStyle: 'medium', timeStyle: 'short' }).format(value);
}

export function formatTime(value: number | Date, language: string): string {
  return formatter(language, 'time', { timeStyle: 'short' }).format(value);
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
  return formatter(language, `isoDate-${style}`, { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}
