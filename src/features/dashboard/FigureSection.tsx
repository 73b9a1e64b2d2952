import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Breakdown, FigureKey, FigureTable, TimelinessTable } from '../../domain/dashboard/dashboardFigures.ts';
import type { DashboardPlace } from '../../domain/dashboard/dashboardReply.ts';
import { NumbersTable } from '../../ui/charts/NumbersTable.tsx';
import { exportFigureCsv, figureCsv } from './exportFigureCsv.ts';
import { FigureChart } from './FigureChart.tsx';
import { FigureSummary } from './FigureSummary.tsx';
import type { DashboardText } from './useDashboardText.ts';

interface FigureSectionProps {
  figure: FigureKey;
  breakdown: Breakdown;
  table: FigureTable;
  text: DashboardText;
  place: DashboardPlace;
  asOf: string;
}

/** One figure: what it counts, its key numbers, a chart, and its numbers as a table with a CSV download. */
export function FigureSection({ figure, breakdown, table, text, place, asOf }: FigureSectionProps) {
  const { t } = useTranslation('dashboard');
  const [saved, setSaved] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const title = t(`figure.${figure}.title`);
  const headings = {
    breakdown: breakdown === 'all' ? t('table.place') : t(`breakdown.${breakdown}`),
    total: t('table.total'),
    medianDays: t('table.medianDays'),
    shareOnTime: t('table.shareOnTime'),
  };
  const timeliness = 'medianDays' in table ? (table as TimelinessTable) : null;
  const extra = (index: number | null) =>
    timeliness === null
      ? []
      : [
          median(index === null ? timeliness.overallMedianDays : (timeliness.medianDays[index] ?? null), text),
          share(index === null ? timeliness.overallShareOnTime : (timeliness.shareOnTime[index] ?? null), text),
        ];
  const download = async () => {
    setFailed(false);
    try {
      const csv = figureCsv(figure, breakdown, table, text, headings);
      setSaved(await exportFigureCsv(csv, { figure, breakdown, asOf }, place));
    } catch {
      // Not recorded, so not handed over: an export the audit trail would miss is not made.
      setSaved(null);
      setFailed(true);
    }
  };
  const id = `figure-${figure}`;
  const caption = breakdown === 'all' ? title : t('table.caption', { figure: title, breakdown: headings.breakdown });
  return (
    <section className="figure" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      <p className="figure-about">{t(`figure.${figure}.about`)}</p>
      <FigureSummary figure={figure} table={table} text={text} />
      {table.total === 0 ? (
        <p className="empty">{t('chart.empty')}</p>
      ) : (
        <FigureChart figure={figure} breakdown={breakdown} table={table} text={text} title={title} />
      )}
      <NumbersTable
        summary={t('table.show')}
        caption={caption}
        regionLabel={t('table.region', { caption })}
        head={[
          headings.breakdown,
          ...table.columns.map((column) => text.column(figure, column)),
          headings.total,
          ...(timeliness === null ? [] : [headings.medianDays, headings.shareOnTime]),
        ]}
        rows={table.rows.map((row, index) => ({
          key: row.group,
          header: text.group(breakdown, row.group),
          cells: [...row.cells.map(text.count), text.count(row.total), ...extra(index)],
        }))}
        foot={
          breakdown === 'all'
            ? undefined
            : {
                key: '#total',
                header: headings.total,
                cells: [...table.columnTotals.map(text.count), text.count(table.total), ...extra(null)],
              }
        }
      >
        <p className="figure-export">
          <button type="button" onClick={() => void download()}>
            {t('export.button')}
          </button>
          <span role="status">{saved === null ? '' : t('export.done', { file: saved })}</span>
          {failed ? <span role="alert">{t('export.failed')}</span> : null}
        </p>
      </NumbersTable>
    </section>
  );
}

function median(value: number | null, text: DashboardText): string {
  return value === null ? '–' : text.number(value);
}

function share(value: number | null, text: DashboardText): string {
  return value === null ? '–' : text.percent(value);
}
