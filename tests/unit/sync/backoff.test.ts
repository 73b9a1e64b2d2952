import { describe, expect, it } from 'vitest';
import { BASE_RETRY_MS, MAX_RETRY_MS, retryDelayMs } from '../../../src/sync/backoff.ts';

const lowest = () => 0;
const highest = () => 1;

describe('retryDelayMs', () => {
  it('waits 1 to 2 seconds before the first retry', () => {
    expect(BASE_RETRY_MS).toBe(2_000);
    expect(retryDelayMs(1, lowest)).toBe(1_000);
    expect(retryDelayMs(1, highest)).toBe(2_000);
    expect(retryDelayMs(1, () => 0.5)).toBe(1_500);
  });

  it('doubles the delay with every further failure', () => {
    for (let failures = 1; failures < 9; failures++) {
      expect(retryDelayMs(failures + 1, highest)).toBe(2 * retryDelayMs(failures, highest));
      expect(retryDelayMs(failures + 1, lowest)).toBe(2 * retryDelayMs(failures, lowest));
    }
  });

  it('stays between half the ceiling and the ceiling', () => {
    for (let failures = 1; failures <= 12; failures++) {
      const ceiling = Math.min(MAX_RETRY_MS, BASE_RETRY_MS * 2 ** (failures - 1));
      for (const r of [0, 0.1, 0.37, 0.5, 0.99, 0.999999]) {
        const delay = retryDelayMs(failures, () => r);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('is capped at 10 minutes however many failures', () => {
    expect(MAX_RETRY_MS).toBe(600_000);
    expect(retryDelayMs(9, highest)).toBe(512_000);
    expect(retryDelayMs(10, highest)).toBe(600_000);
    expect(retryDelayMs(10, lowest)).toBe(300_000);
    expect(retryDelayMs(5_000, highest)).toBe(600_000);
  });

  it('treats zero failures like the first', () => {
    expect(retryDelayMs(0, highest)).toBe(2_000);
  });
});
