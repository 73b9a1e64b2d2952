import type { ReportGoal } from '../../domain/map/mapReport.ts';
import type { IndicatorUnit } from '../../domain/map/mapRecords.ts';

/**
 * Numbers of the MAP report in the reader's language (Intl): budgets in the
 * municipality's currency, indicator values as counts or percentages, and
 * progress toward a target. Formatters are made once per language: a report
 * formats hundreds of cells.
 */
export interface ReportFormat {
  money: (amount: number) => string;
  value: (value: number, unit: IndicatorUnit) => string;
  /** A share 0–100, as a percentage. */
  share: (percent: number) => string;
  /** An ordinary count (goals, activities). */
  count: (value: number) => string;
}

/** Kosovo's municipalities keep their budgets in euro, Serbia's in dinars. */
export function currencyOf(country: 'XK' | 'RS'): 'EUR' | 'RSD' {
  return country === 'RS' ? 'RSD' : 'EUR';
}

const made = new Map<string, ReportFormat>();

export function reportFormat(language: string, currency: 'EUR' | 'RSD'): ReportFormat {
  const key = `${language}|${currency}`;
  const known = made.get(key);
  if (known !== undefined) return known;
  const money = new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const format: ReportFormat = {
    money: (amount) => money.format(amount),
    value: (value, unit) => (unit === 'percent' ? percent.format(value / 100) : number.format(value)),
    share: (share) => percent.format(share / 100),
    count: (value) => number.format(value),
  };
  made.set(key, format);
  return format;
}

/** `2026-Q3` → its year and number, for the translated label. */
export function quarterParts(quarter: string): { year: string; quarter: string } {
  return { year: quarter.slice(0, 4), quarter: quarter.slice(6) };
}

/** An activity's code in the report: goal 2's first activity is 2.1, so the tables refer to each other. */
export function activityCode(goal: ReportGoal, index: number): string {
  return `${goal.goal.position}.${index + 1}`;
}
