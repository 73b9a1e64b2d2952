/**
 * The dashboard's small charts: a scale people read, bars to scale, counts
 * not shown drawn as one hatched remainder (never one by one), lines that
 * break where a month is not shown, and one named image for screen readers.
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart } from '../../../src/ui/charts/BarChart.tsx';
import { niceMax, percentOf } from '../../../src/ui/charts/chartScale.ts';
import { NumbersTable } from '../../../src/ui/charts/NumbersTable.tsx';
import { StackedBarChart } from '../../../src/ui/charts/StackedBarChart.tsx';
import { TrendLine } from '../../../src/ui/charts/TrendLine.tsx';

describe('chart scales', () => {
  it('rounds the top up to 1, 2 or 5 times a power of ten, and never to 0', () => {
    expect([0, 1, 3, 7, 10, 11, 37, 200, 201, 999].map((n) => niceMax([n, null]))).toEqual([
      1, 1, 5, 10, 10, 20, 50, 200, 500, 1000,
    ]);
    expect(niceMax([])).toBe(1);
    expect(percentOf(25, 50)).toBe(50);
    expect(percentOf(80, 50)).toBe(100);
  });
});

describe('BarChart', () => {
  it('draws each bar to scale with its value in words, and a short stub for a count not shown', () => {
    const { container } = render(
      <BarChart
        label="Cases by status: a chart"
        items={[
          { key: 'open', label: 'Open', value: 10, valueText: '10', color: '#000' },
          { key: 'closed', label: 'Closed', value: 5, valueText: '5', color: '#000' },
          { key: 'flagged', label: 'Flagged', value: null, valueText: 'fewer than 5', color: '#000' },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Cases by status: a chart' });
    expect(within(chart).getByText('fewer than 5')).toBeInTheDocument();
    const widths = [...container.querySelectorAll('svg > rect')].map((rect) => rect.getAttribute('width'));
    expect(widths).toEqual(['100', '50', '3']);
    expect(container.querySelectorAll('.chart-hatched-fill')).toHaveLength(1);
  });
});

describe('StackedBarChart', () => {
  it('stacks the shown counts and draws what the row total leaves of the hidden ones as one remainder', () => {
    const { container } = render(
      <StackedBarChart
        label="By school"
        notShownLabel="Not shown"
        series={[
          { key: 'a', label: 'Open', color: '#111' },
          { key: 'b', label: 'Closed', color: '#222' },
          { key: 'c', label: 'Flagged', color: '#333' },
        ]}
        rows={[
          { key: 's1', label: 'School 1', values: [6, null, null], total: 10, totalText: '10' },
          { key: 's2', label: 'School 2', values: [5, 0, 0], total: 5, totalText: '5' },
          { key: 's3', label: 'School 3', values: [null, null, null], total: null, totalText: 'fewer than 5' },
        ]}
      />,
    );
    const [first, second, third] = [...container.querySelectorAll('svg')];
    expect(
      [...(first?.querySelectorAll(':scope > rect') ?? [])].map((r) => [r.getAttribute('x'), r.getAttribute('width')]),
    ).toEqual([
      ['0', '60'],
      ['60', '40'],
    ]);
    expect(first?.querySelector('.chart-hatched-fill')?.getAttribute('width')).toBe('40');
    expect(second?.querySelectorAll(':scope > rect')).toHaveLength(1);
    // Nothing of school 3 is known but that it is not empty: a short stub, not a bar to scale.
    expect(third?.querySelector('.chart-hatched-fill')?.getAttribute('width')).toBe('3');
    expect(screen.getByText('Not shown')).toBeInTheDocument();
  });
});

describe('TrendLine', () => {
  it('breaks the line where a month is not shown, and says so', () => {
    const { container } = render(
      <TrendLine
        label="New cases"
        xLabels={['Jan', 'Feb', 'Mar', 'Apr', 'May']}
        gapLabel="A gap is a month not shown."
        series={[{ key: 'all', label: 'All', color: '#000', values: [6, 8, null, 7, 9] }]}
      />,
    );
    expect(container.querySelectorAll('polyline')).toHaveLength(2);
    expect(container.querySelectorAll('circle')).toHaveLength(4);
    expect(screen.getByText('A gap is a month not shown.')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'New cases' })).toBeInTheDocument();
  });
});

describe('NumbersTable', () => {
  it('is a real table with a caption, column and row headers and totals, in a named scrolling region', () => {
    render(
      <NumbersTable
        summary="Show the numbers"
        caption="Cases by status"
        regionLabel="The numbers: Cases by status"
        head={['Place', 'Open', 'Total']}
        rows={[{ key: 'all', header: 'All', cells: ['12', '12'] }]}
        foot={{ key: 'total', header: 'Total', cells: ['12', '12'] }}
      />,
    );
    const table = screen.getByRole('table', { name: 'Cases by status' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Place', 'Open', 'Total']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['All', 'Total']);
    expect(screen.getByRole('region', { name: 'The numbers: Cases by status' })).toHaveAttribute('tabindex', '0');
  });
});
