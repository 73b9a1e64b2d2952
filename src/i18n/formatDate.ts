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
