import { useTranslation } from 'react-i18next';
import type { Language } from '../../domain/localizedName.ts';
import type { ReportGoal } from '../../domain/map/mapReport.ts';
import type { MapActivity, Quarter } from '../../domain/map/mapRecords.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import { activityCode, type ReportFormat } from './reportFormat.ts';
import { TableFrame } from './TableFrame.tsx';
import { ReportIndicators } from './ReportIndicators.tsx';
import { ReportNarratives } from './ReportNarratives.tsx';

/**
 * One goal: its activities (who, when, what budget) with the goal's total,
 * their indicators and values by quarter, and what was written each quarter.
 */
export function ReportGoalSection({
  goal,
  quarters,
  language,
  format,
}: {
  goal: ReportGoal;
  quarters: readonly Quarter[];
  language: Language;
  format: ReportFormat;
}) {
  const { t } = useTranslation('mapReport');
  const id = `map-goal-${goal.goal.id}`;
  const position = goal.goal.position;
  return (
    <section className="map-report-goal" aria-labelledby={id}>
      <h2 id={id}>{t('goal.heading', { position, title: goal.goal.title })}</h2>
      {goal.activities.length === 0 ? (
        <p>{t('goal.noActivities')}</p>
      ) : (
        <>
          <TableFrame captionId={`${id}-activities`}>
            <table>
              <caption id={`${id}-activities`}>{t('activities.caption', { position })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('activities.activity')}</th>
                  <th scope="col">{t('activities.responsible')}</th>
                  <th scope="col">{t('activities.dates')}</th>
                  <th scope="col" className="map-report-number">
                    {t('activities.budget')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {goal.activities.map(({ activity }, index) => (
                  <tr key={activity.id}>
                    <th scope="row">
                      <span className="map-report-code">{activityCode(goal, index)}</span> {activity.title}
                    </th>
                    <td>{activity.responsible}</td>
                    <td>
                      <ActivityDates activity={activity} language={language} />
                    </td>
                    <td className="map-report-number">
                      {activity.budget === null ? t('activities.notSet') : format.money(activity.budget)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    {t('activities.total')}
                  </th>
                  <td className="map-report-number" data-testid="map-goal-budget">
                    {goal.budget === null ? t('activities.notSet') : format.money(goal.budget)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </TableFrame>
          <ReportIndicators goal={goal} quarters={quarters} format={format} />
        </>
      )}
      <ReportNarratives goal={goal} />
    </section>
  );
}

function ActivityDates({ activity, language }: { activity: MapActivity; language: Language }) {
  const { t } = useTranslation('mapReport');
  const date = (iso: string) => formatIsoDate(iso, language);
  const { startDate, endDate } = activity;
  if (startDate !== null && endDate !== null) return <>{`${date(startDate)} – ${date(endDate)}`}</>;
  if (startDate !== null) return <>{t('activities.from', { date: date(startDate) })}</>;
  if (endDate !== null) return <>{t('activities.until', { date: date(endDate) })}</>;
  return <>{t('activities.notSet')}</>;
}
