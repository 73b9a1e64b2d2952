/** Progress toward a target and budget totals (src/domain/map/mapReportProgress.ts), worked by hand. */
import { describe, expect, it } from 'vitest';
import { budgetTotal, progressTowardTarget } from '../../../../src/domain/map/mapReportProgress.ts';

describe('progress toward a target', () => {
  it('is the share of the way from baseline to target, one decimal', () => {
    expect(progressTowardTarget(12, 40, 26)).toBe(50);
    expect(progressTowardTarget(0, 3, 1)).toBe(33.3);
    expect(progressTowardTarget(0, 3, 2)).toBe(66.7);
    expect(progressTowardTarget(12, 40, 12)).toBe(0);
    expect(progressTowardTarget(12, 40, 40)).toBe(100);
  });

  it('counts a value past the target as 100 and one that moved away as 0', () => {
    expect(progressTowardTarget(12, 40, 55)).toBe(100);
    expect(progressTowardTarget(12, 40, 5)).toBe(0);
  });

  it('measures a decreasing target the same way: coming down is progress', () => {
    expect(progressTowardTarget(20, 5, 11)).toBe(60); // (11 − 20) / (5 − 20) = −9 / −15
    expect(progressTowardTarget(20, 5, 25)).toBe(0);
    expect(progressTowardTarget(20, 5, 2)).toBe(100);
  });

  it('calls a target equal to its baseline met only while the value stays there', () => {
    expect(progressTowardTarget(0, 0, 0)).toBe(100);
    expect(progressTowardTarget(50, 50, 50)).toBe(100);
    expect(progressTowardTarget(50, 50, 60)).toBeNull();
    expect(progressTowardTarget(0, 0, 3)).toBeNull();
  });

  it('cannot be told without a baseline, a target or a value', () => {
    expect(progressTowardTarget(null, 40, 26)).toBeNull();
    expect(progressTowardTarget(12, null, 26)).toBeNull();
    expect(progressTowardTarget(12, 40, null)).toBeNull();
  });
});

describe('budget totals', () => {
  it('adds the known amounts and counts the missing ones', () => {
    expect(budgetTotal([2500, null, 8000, 1200])).toEqual({ total: 11700, unbudgeted: 1 });
    expect(budgetTotal([null, null])).toEqual({ total: null, unbudgeted: 2 });
    expect(budgetTotal([0])).toEqual({ total: 0, unbudgeted: 0 });
    expect(budgetTotal([])).toEqual({ total: null, unbudgeted: 0 });
  });
});
