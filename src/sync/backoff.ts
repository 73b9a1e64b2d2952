export const BASE_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 10 * 60_000;

/**
 * Delay before retry number `failures` (1-based): doubles from 2 s up to 10
 * minutes, with "equal jitter" so a village's worth of phones coming back
 * online together do not all retry in the same second.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_MS, BASE_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
