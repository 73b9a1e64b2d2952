/**
 * The top of a chart's scale: the largest value rounded up to a step people
 * read at a glance (1, 2 or 5 times a power of ten), never 0.
 */
export function niceMax(values: Iterable<number | null>): number {
  let largest = 0;
  for (const value of values) if (value !== null && value > largest) largest = value;
  if (largest <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(largest));
  for (const step of [1, 2, 5, 10]) if (step * power >= largest) return step * power;
  return 10 * power;
}

/** A value's share of the scale as a percentage of the bar's length, clamped to 0–100. */
export function percentOf(value: number, max: number): number {
  return Math.max(0, Math.min(100, (value / max) * 100));
}
