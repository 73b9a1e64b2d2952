import { useTranslation } from 'react-i18next';
import type { ReportGoal } from '../../domain/map/mapReport.ts';
import { quarterParts } from './reportFormat.ts';

/** What the coordinator wrote each quarter about the goal's activities, oldest quarter first. */
export function ReportNarratives({ goal }: { goal: ReportGoal }) {
  const { t } = useTranslation('mapReport');
  const id = `map-goal-${goal.goal.id}-narratives`;
  return (
    <section className="map-report-narratives" aria-labelledby={id}>
      <h3 id={id}>{t('narratives.title')}</h3>
      {goal.narratives.length === 0 ? <p>{t('narratives.none')}</p> : null}
      {goal.narratives.map(({ quarter, entries }) => (
        <div key={quarter} className="map-report-quarter">
          <h4>{t('quarter', quarterParts(quarter))}</h4>
          <ul>
            {entries.map((entry) => (
              <li key={entry.activityId}>
                <strong>{entry.activityTitle}:</strong> {entry.narrative}{' '}
                <span className="map-report-note">{t('narratives.by', { name: entry.recordedBy })}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
