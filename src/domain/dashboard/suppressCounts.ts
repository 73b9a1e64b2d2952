import type { ShownCount } from './dashboardFigures.ts';

/** The smallest count an aggregate-only reader is shown: 1–4 read "fewer than 5". */
export const SMALL_COUNT_LIMIT = 5;

/** Published counts that add up: `members` sum to `total`. */
export interface CountLine {
  total: string;
  members: readonly string[];
}

/**
 * What a reader knows of a count that is not shown: "fewer than 5" is 1–4;
 * a hidden count is never 1–4 (those read "fewer than 5") and never 0 (a
 * zero is never hidden), so it is 5 or more.
 */
function bounds(count: ShownCount): [number, number] {
  if (count === 'fewerThan5') return [1, SMALL_COUNT_LIMIT - 1];
  if (count === 'hidden') return [SMALL_COUNT_LIMIT, Infinity];
  return [count, count];
}

/**
 * Whether the shown counts of a line pin one of its unknowns to a single
 * value: members minus total is a known constant, so each unknown lies within
 * what the others' bounds leave it. One unknown alone is always pinned; so are
 * two "fewer than 5" cells whose row leaves 2 (both are 1).
 */
function givesAway(line: CountLine, shown: ReadonlyMap<string, ShownCount>): boolean {
  // Σ sign·x over the unknowns = constant; each term's own range is [low, high] in sign·x.
  const terms: { low: number; high: number }[] = [];
  let constant = 0;
  const add = (key: string, sign: 1 | -1) => {
    const count = shown.get(key) ?? 0;
    if (typeof count === 'number') {
      constant -= sign * count;
      return;
    }
    const [low, high] = bounds(count);
    terms.push(sign === 1 ? { low, high } : { low: -high, high: -low });
  };
  for (const member of line.members) add(member, 1);
  add(line.total, -1);
  return terms.some((term, index) => {
    let restLow = 0;
    let restHigh = 0;
    terms.forEach((other, at) => {
      if (at === index) return;
      restLow += other.low;
      restHigh += other.high;
    });
    const low = Math.max(term.low, constant - restHigh);
    const high = Math.min(term.high, constant - restLow);
    return low === high;
  });
}

/**
 * Primary suppression: every count of 1–4 reads "fewer than 5". Secondary:
 * wherever the shown counts of a sum would pin a suppressed one (one unknown
 * alone, or unknowns at the edge of what they can be), the smallest other
 * non-zero member is hidden too, or the total when no member is left, until
 * no sum gives a count away. A standard heuristic (as statistical offices
 * use), checked one sum at a time: not a proof against every combination of
 * published tables.
 */
export function suppressCounts(
  values: ReadonlyMap<string, number>,
  lines: readonly CountLine[],
): Map<string, ShownCount> {
  const shown = new Map<string, ShownCount>();
  for (const [key, value] of values) {
    shown.set(key, value > 0 && value < SMALL_COUNT_LIMIT ? 'fewerThan5' : value);
  }
  const visible = (key: string): number | null => {
    const count = shown.get(key);
    return typeof count === 'number' && count > 0 ? count : null;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (!givesAway(line, shown)) continue;
      let pick: string | null = null;
      for (const member of line.members) {
        const count = visible(member);
        if (count !== null && (pick === null || count < (visible(pick) ?? Infinity))) pick = member;
      }
      if (pick === null && visible(line.total) !== null) pick = line.total;
      if (pick === null) continue;
      shown.set(pick, 'hidden');
      changed = true;
    }
  }
  return shown;
}
