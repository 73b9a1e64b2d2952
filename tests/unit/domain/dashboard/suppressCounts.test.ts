/**
 * Small-count suppression on bare sums, worked out by hand: counts of 1–4
 * read "fewer than 5", and a count that a published total would give away
 * is hidden too (suppressSmallCounts.test.ts checks whole figures).
 */
import { describe, expect, it } from 'vitest';
import type { ShownCount } from '../../../../src/domain/dashboard/dashboardFigures.ts';
import { suppressCounts, type CountLine } from '../../../../src/domain/dashboard/suppressCounts.ts';

/** A table with rows r1, r2 and columns c1, c2, c3, with every sum that ties it. */
function grid(r1: number[], r2: number[]): { values: Map<string, number>; lines: CountLine[] } {
  const values = new Map<string, number>();
  const rows = [r1, r2];
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  rows.forEach((cells, r) => {
    cells.forEach((value, c) => values.set(`r${r + 1}c${c + 1}`, value));
    values.set(`r${r + 1}`, sum(cells));
  });
  [0, 1, 2].forEach((c) => values.set(`c${c + 1}`, (r1[c] ?? 0) + (r2[c] ?? 0)));
  values.set('all', sum(r1) + sum(r2));
  const lines: CountLine[] = [
    { total: 'r1', members: ['r1c1', 'r1c2', 'r1c3'] },
    { total: 'r2', members: ['r2c1', 'r2c2', 'r2c3'] },
    { total: 'c1', members: ['r1c1', 'r2c1'] },
    { total: 'c2', members: ['r1c2', 'r2c2'] },
    { total: 'c3', members: ['r1c3', 'r2c3'] },
    { total: 'all', members: ['r1', 'r2'] },
    { total: 'all', members: ['c1', 'c2', 'c3'] },
  ];
  return { values, lines };
}

function shownGrid(shown: Map<string, ShownCount>): ShownCount[][] {
  const get = (key: string) => shown.get(key) ?? -1;
  return [
    [get('r1c1'), get('r1c2'), get('r1c3'), get('r1')],
    [get('r2c1'), get('r2c2'), get('r2c3'), get('r2')],
    [get('c1'), get('c2'), get('c3'), get('all')],
  ];
}

describe('suppressCounts', () => {
  it('shows every count when none is 1–4, zeros included', () => {
    const { values, lines } = grid([7, 0, 10], [6, 8, 5]);
    expect(shownGrid(suppressCounts(values, lines))).toEqual([
      [7, 0, 10, 17],
      [6, 8, 5, 19],
      [13, 8, 15, 36],
    ]);
  });

  it('hides the smallest other count of each row and column a suppressed count would be worked out from', () => {
    // r1c2 = 2. Row r1: r1c1 (7) is the smallest other → hidden. Column c1: r2c1 (6) → hidden.
    // Column c2: r2c2 (8) → hidden. Then every row and column has two unknowns: r1c2 can be 1, 2, 3 or 4.
    const { values, lines } = grid([7, 2, 10], [6, 8, 0]);
    expect(shownGrid(suppressCounts(values, lines))).toEqual([
      ['hidden', 'fewerThan5', 10, 19],
      ['hidden', 'hidden', 0, 14],
      [13, 10, 10, 33],
    ]);
  });

  it('never hides a zero: a hidden zero would give its neighbour away', () => {
    // r2c1 = 3: row r2's smallest other non-zero count is r2c3 (9) → hidden; column c1 then pins r2c1 → r1c1 (6)
    // hidden; column c3 pins r2c3 → r1c3 (12) hidden. Every sum then leaves each unknown more than one value.
    const { values, lines } = grid([6, 9, 12], [3, 0, 9]);
    expect(shownGrid(suppressCounts(values, lines))).toEqual([
      ['hidden', 9, 'hidden', 27],
      ['fewerThan5', 0, 'hidden', 12],
      [9, 9, 21, 39],
    ]);
  });

  it('suppresses totals of 1–4 themselves, and hides a total that its members would give away', () => {
    // Row r2 (1 + 3 = 4) and column c2 (3) are suppressed. c1 = 8 pins r2c1 → r1c1 (7) hidden; the grand total
    // pins r2 → r1 (12) hidden, and c2 → c3 (5) hidden; c3's members then pin it → r1c3 (5) hidden.
    const { values, lines } = grid([7, 0, 5], [1, 3, 0]);
    expect(shownGrid(suppressCounts(values, lines))).toEqual([
      ['hidden', 0, 'hidden', 'hidden'],
      ['fewerThan5', 'fewerThan5', 0, 'fewerThan5'],
      [8, 'fewerThan5', 'hidden', 16],
    ]);
  });

  it('hides more when two "fewer than 5" counts could only be 1 each', () => {
    // Row r1 leaves 2 for r1c1 and r1c2, each at least 1: both are 1, so r1c3 (10) is hidden; each column then has
    // one unknown, so row r2 loses all three.
    const { values, lines } = grid([1, 1, 10], [7, 8, 9]);
    expect(shownGrid(suppressCounts(values, lines))).toEqual([
      ['fewerThan5', 'fewerThan5', 'hidden', 12],
      ['hidden', 'hidden', 'hidden', 24],
      [8, 9, 19, 36],
    ]);
  });

  it('hides a total when no member is left to hide', () => {
    // b = 3 is suppressed, so a (6) is hidden in a + b = t1; t2 counts a alone, so t2 must go as well.
    const values = new Map([
      ['a', 6],
      ['b', 3],
      ['t1', 9],
      ['t2', 6],
    ]);
    const shown = suppressCounts(values, [
      { total: 't1', members: ['a', 'b'] },
      { total: 't2', members: ['a'] },
    ]);
    expect(Object.fromEntries(shown)).toEqual({ a: 'hidden', b: 'fewerThan5', t1: 9, t2: 'hidden' });
  });
});
