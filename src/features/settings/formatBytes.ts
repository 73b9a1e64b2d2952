/** Units Intl.NumberFormat knows (sanctioned units), in steps of a thousand, as phones and browsers count storage. */
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(language: string, unit: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${language}|${unit}|${fractionDigits}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(language, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: fractionDigits,
    });
    formatters.set(key, found);
  }
  return found;
}

/**
 * A size in the interface language, to two significant figures or more:
 * "12 MB", "1.2 GB" (sq "1,2 GB"). Storage figures from the browser are
 * rounded estimates, so more digits would claim a precision they lack.
 */
export function formatBytes(bytes: number, language: string): string {
  let unitIndex = 0;
  let value = Math.max(0, bytes);
  while (value >= 1000 && unitIndex < UNITS.length - 1) {
    value /= 1000;
    unitIndex += 1;
  }
  return formatter(language, UNITS[unitIndex] ?? 'byte', value < 10 ? 1 : 0).format(value);
}
