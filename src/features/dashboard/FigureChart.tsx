import { useTranslation } from 'react-i18next';
import type { Breakdown, FigureKey, FigureTable } from '../../domain/dashboard/dashboardFigures.ts';
import { BarChart } from '../../ui/charts/BarChart.tsx';
import { StackedBarChart } from '../../ui/charts/StackedBarChart.tsx';
import { TrendLine } from '../../ui/charts/TrendLine.tsx';
import { columnColor, seriesColor } from './figureColors.ts';
import type { DashboardText } from './useDashboardText.ts';

const valueOf = (count: FigureTable['total']) => (typeof count === 'number' ? count : null);

/**
 * The chart a figure reads best as: the trend as lines (one per group), one
 * group as a bar per column, several groups as one stacked bar each.
 */
export function FigureChart(props: {
  figure: FigureKey;
  breakdown: Breakdown;
  table: FigureTable;
  text: DashboardText;
  title: string;
}) {
  const { figure, breakdown, table, text, title } = props;
  const { t } = useTranslation('dashboard');
  const label = t('chart.label', { figure: title });
  if (figure === 'newCases') {
    return (
      <TrendLine
        label={label}
        xLabels={table.columns.map(text.month)}
        gapLabel={t('chart.gaps')}
        series={table.rows.map((row, index) => ({
          key: row.group,
          label: text.group(breakdown, row.group),
          color: seriesColor(index),
          values: row.cells.map(valueOf),
        }))}
      />
    );
  }
  const [only] = table.rows;
  if (table.rows.length === 1 && only !== undefined) {
    return (
      <BarChart
        label={label}
        items={table.columns.map((column, index) => ({
          key: column,
          label: text.column(figure, column),
          value: valueOf(only.cells[index] ?? 0),
          valueText: text.count(only.cells[index] ?? 0),
          color: columnColor(figure, index),
        }))}
      />
    );
  }
  return (
    <StackedBarChart
      label={label}
      notShownLabel={t('chart.notShown')}
      series={table.columns.map((column, index) => ({
        key: column,
        label: text.column(figure, column),
        color: columnColor(figure, index),
      }))}
      rows={table.rows.map((row) => ({
        key: row.group,
        label: text.group(breakdown, row.group),
        values: row.cells.map(valueOf),
        total: valueOf(row.total),
        totalText: text.count(row.total),
      }))}
    />
  );
}
