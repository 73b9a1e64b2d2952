/**
 * How far an indicator has come from its baseline toward its target, for the
 * Municipal Action Plan's progress report (mapReport.ts; docs/mapReport.md).
 */

/**
 * The share of the way from baseline to target the value has come, 0–100 with
 * one decimal, or null when it cannot be told. A decreasing target (fewer
 * drop-outs) works the same way: coming down is progress. A value past the
 * target counts as 100, one that moved away from it as 0. A target equal to
 * its baseline states no direction, so only a value still at it can be called
 * met (100); any other value is unknown.
 */
export function progressTowardTarget(
  baseline: number | null,
  target: number | null,
  value: number | null,
): number | null {
  if (baseline === null || target === null || value === null) return null;
  if (target === baseline) return value === target ? 100 : null;
  const share = ((value - baseline) / (target - baseline)) * 100;
  const clamped = Math.min(100, Math.max(0, share));
  return Math.round(clamped * 10) / 10;
}

/** The sum of the known amounts, and how many were not given; null when none was. */
export function budgetTotal(budgets: readonly (number | null)[]): { total: number | null; unbudgeted: number } {
  let total: number | null = null;
  let unbudgeted = 0;
  for (const budget of budgets) {
    if (budget === null) unbudgeted += 1;
    else total = (total ?? 0) + budget;
  }
  return { total, unbudgeted };
}
