/**
 * Deterministic randomness for the benchmark's data: the same seed and index
 * always give the same student, case and notes, so a run can be compared with
 * the last one and a batch of cases 5,000–9,999 adds to 0–4,999 cleanly.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32: tiny, fast and good enough to spread names and dates. */
export function randomFor(seed: number, index: number): Random {
  let state = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('cannot pick from an empty list');
      return item;
    },
    chance: (probability) => next() < probability,
  };
}

/** Record kinds, so ids of different tables never collide and read well in a debugger. */
export const ID_KIND = {
  student: 1,
  case: 2,
  homeVisit: 4,
  planAction: 5,
  screening: 6,
  worker: 7,
  savedVisit: 8,
} as const;

/** A UUIDv7-shaped id, ordered by `n` like the time-ordered ids devices make. */
export function benchId(kind: number, n: number): string {
  const head = (0x01900000 + kind).toString(16).padStart(8, '0');
  return `${head}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}
