import type { IndicatorUnit, Quarter } from '../../domain/map/mapRecords.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';

/** The currency a municipality budgets in: the euro in Kosovo, the dinar in Serbia. */
export function currencyOf(country: 'XK' | 'RS' | undefined): 'EUR' | 'RSD' {
  return country === 'RS' ? 'RSD' : 'EUR';
}

/** A budget in whole units of the currency, as the municipality's own documents write it. */
export function formatBudget(amount: number, currency: 'EUR' | 'RSD', language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** An indicator's value: a count as a number, a percentage (0–100) with its sign. */
export function formatIndicatorValue(value: number, unit: IndicatorUnit, language: string): string {
  return unit === 'percent'
    ? new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100)
    : new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

export function formatPeriod(start: string, end: string, language: string): string {
  return `${formatIsoDate(start, language)} – ${formatIsoDate(end, language)}`;
}

/** `2026-Q3` → its year and quarter number, for the translated label. */
export function quarterParts(quarter: Quarter): { year: string; quarter: number } {
  return { year: quarter.slice(0, 4), quarter: Number(quarter.slice(6)) };
}

/**
 * What a number field holds: null when empty, NaN when it is not a number
 * (the validation then names the field and the typing stays). A decimal comma
 * is read as a point, as Albanian and Serbian write it; spaces are ignored.
 */
export function parseAmount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  return /^-?\d+([.,]\d+)?$/.test(compact) ? Number(compact.replace(',', '.')) : Number.NaN;
}

export function amountText(value: number | null): string {
  return value === null ? '' : String(value);
}
