import { useTranslation } from 'react-i18next';
import type { ReportActivity, ReportGoal } from '../../domain/map/mapReport.ts';
import type { Quarter } from '../../domain/map/mapRecords.ts';
import { activityCode, quarterParts, type ReportFormat } from './reportFormat.ts';
import { TableFrame } from './TableFrame.tsx';

/**
 * A goal's indicators — baseline, target, the latest value and how far it has
 * come — and the values reported each quarter (a row per quarter, a column
 * per indicator: a goal has few activities, a plan many quarters).
 */
export function ReportIndicators({
  goal,
  quarters,
  format,
}: {
  goal: ReportGoal;
  quarters: readonly Quarter[];
  format: ReportFormat;
}) {
  const { t } = useTranslation('mapReport');
  const id = `map-goal-${goal.goal.id}`;
  const position = goal.goal.position;
  const value = (row: ReportActivity, amount: number | null) =>
    amount === null ? t('indicators.notKnown') : format.value(amount, row.activity.unit);
  return (
    <>
      <TableFrame captionId={`${id}-indicators`}>
        <table>
          <caption id={`${id}-indicators`}>{t('indicators.caption', { position })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.indicator')}</th>
              <th scope="col" className="map-report-number">
                {t('indicators.baseline')}
              </th>
              <th scope="col" className="map-report-number">
                {t('indicators.target')}
              </th>
              <th scope="col" className="map-report-number">
                {t('indicators.latest')}
              </th>
              <th scope="col" className="map-report-number">
                {t('indicators.progress')}
              </th>
            </tr>
          </thead>
          <tbody>
            {goal.activities.map((row, index) => (
              <tr key={row.activity.id}>
                <th scope="row">
                  <span className="map-report-code">{activityCode(goal, index)}</span> {row.activity.indicator}
                  <span className="map-report-note">{t(`indicators.source.${row.activity.indicatorSource}`)}</span>
                </th>
                <td className="map-report-number">{value(row, row.activity.baseline)}</td>
                <td className="map-report-number">{value(row, row.activity.target)}</td>
                <td className="map-report-number">
                  {value(row, row.latest.value)}
                  <LatestNote row={row} />
                </td>
                <td className="map-report-number" data-testid="map-activity-progress">
                  {row.progress === null ? t('indicators.notKnown') : format.share(row.progress)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      {quarters.length === 0 ? (
        <p>{t('quarterly.none')}</p>
      ) : (
        <TableFrame captionId={`${id}-quarterly`}>
          <table>
            <caption id={`${id}-quarterly`}>{t('quarterly.caption', { position })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('quarterly.quarter')}</th>
                {goal.activities.map((row, index) => (
                  <th scope="col" key={row.activity.id} className="map-report-number">
                    <span className="map-report-code">{activityCode(goal, index)}</span> {row.activity.indicator}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {quarters.map((quarter, column) => (
                <tr key={quarter}>
                  <th scope="row">{t('quarter', quarterParts(quarter))}</th>
                  {goal.activities.map((row) => {
                    const reported = row.values[column]?.value ?? null;
                    return (
                      <td key={row.activity.id} className="map-report-number">
                        {reported === null ? '' : format.value(reported, row.activity.unit)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </>
  );
}

function LatestNote({ row }: { row: ReportActivity }) {
  const { t } = useTranslation('mapReport');
  const { from, quarter } = row.latest;
  if (from === 'automatic') return <span className="map-report-note">{t('indicators.automatic')}</span>;
  if (from === 'reported' && quarter !== null) {
    const label = t('quarter', quarterParts(quarter));
    return <span className="map-report-note">{t('indicators.reportedIn', { quarter: label })}</span>;
  }
  return null;
}
