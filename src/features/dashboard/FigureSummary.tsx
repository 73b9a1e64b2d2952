import { useTranslation } from 'react-i18next';
import type { FigureKey, FigureTable, TimelinessTable } from '../../domain/dashboard/dashboardFigures.ts';
import type { DashboardText } from './useDashboardText.ts';

/** The figure's key numbers in words, above its chart: the total, or for time to plan the median and the share. */
export function FigureSummary({ figure, table, text }: { figure: FigureKey; table: FigureTable; text: DashboardText }) {
  const { t } = useTranslation('dashboard');
  if (figure === 'flagToPlan') {
    const { overallMedianDays: days, overallShareOnTime: share } = table as TimelinessTable;
    return (
      <p className="figure-summary">
        <span>{days === null ? t('timeliness.medianNotShown') : t('timeliness.median', { count: days })}</span>
        <span>
          {share === null ? t('timeliness.shareNotShown') : t('timeliness.share', { share: text.percent(share) })}
        </span>
      </p>
    );
  }
  if (typeof table.total !== 'number') return <p className="figure-summary">{t('total.notShown')}</p>;
  const kind = figure === 'screened' ? 'screened' : figure.startsWith('actions') ? 'actions' : 'cases';
  return <p className="figure-summary">{t(`total.${kind}`, { count: table.total })}</p>;
}
