import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatIsoDate } from '../../i18n/formatDate.ts';
import { db } from '../../storage/database.ts';
import { changeMapActivity } from '../../storage/mapRepository.ts';
import type { MapActivityRow, MapProgressRow } from '../../storage/mapRecords.ts';
import { showToast } from '../../state/toastStore.ts';
import { ActivityForm } from './ActivityForm.tsx';
import { ConfirmStep } from './ConfirmStep.tsx';
import type { PlanContext } from './GoalSection.tsx';
import { IndicatorValues } from './IndicatorValues.tsx';
import { formatBudget, formatIndicatorValue } from './mapFormat.ts';
import { newestFirst } from './progressEntries.ts';
import { ProgressForm } from './ProgressForm.tsx';
import { asMapWrite, useMapForm } from './useMapForm.ts';
import { useQuarterLabel } from './useQuarterLabel.ts';

type Panel = 'edit' | 'progress' | 'remove' | null;

/** One activity: who, when, how much, its indicator now, its reports, and what changes them. */
export function ActivityCard(props: { activity: MapActivityRow; progress: MapProgressRow[]; context: PlanContext }) {
  const { activity, progress, context } = props;
  const { t, i18n } = useTranslation('map');
  const quarterLabel = useQuarterLabel();
  const [panel, setPanel] = useState<Panel>(null);
  const remover = useMapForm(() => ({}));
  const close = () => setPanel(null);
  const headingId = `map-activity-${activity.id}`;
  const date = (iso: string | null) => (iso === null ? t('value.none') : formatIsoDate(iso, i18n.language));

  // A report pulled across two pages may briefly lack its time: then only the name.
  const recordedText = (entry: MapProgressRow) => {
    const when = Date.parse(entry.recordedAt ?? '');
    if (Number.isNaN(when)) return entry.recordedBy;
    return t('progress.by', { name: entry.recordedBy, date: formatDateTime(when, i18n.language) });
  };

  async function remove(): Promise<void> {
    if (await remover.save(null, async () => asMapWrite(await changeMapActivity(db, activity.id, { removed: true })))) {
      showToast(t('activity.removed'));
    }
  }

  if (panel === 'edit') {
    const { plan, currency } = context;
    return (
      <ActivityForm planId={plan.id} goalId={activity.goalId} currency={currency} editing={activity} onClose={close} />
    );
  }
  return (
    <article className="map-activity" aria-labelledby={headingId}>
      <h4 id={headingId}>{activity.title}</h4>
      <p>{t('activity.responsible', { body: activity.responsible })}</p>
      <p>{t('activity.dates', { start: date(activity.startDate), end: date(activity.endDate) })}</p>
      <p>
        {activity.budget === null
          ? t('activity.noBudget')
          : t('activity.budget', { amount: formatBudget(activity.budget, context.currency, i18n.language) })}
      </p>
      <p>{t('activity.indicator', { name: activity.indicator, source: t(`source.${activity.indicatorSource}`) })}</p>
      <IndicatorValues activity={activity} entries={progress} figures={context.figures} />
      {progress.length > 0 ? (
        <details className="map-history">
          <summary>{t('progress.history', { count: progress.length })}</summary>
          <ul>
            {newestFirst(progress).map((entry) => (
              <li key={entry.id}>
                <strong>
                  {quarterLabel(entry.period)}:{' '}
                  {entry.value === null
                    ? t('value.none')
                    : formatIndicatorValue(entry.value, activity.unit, i18n.language)}
                </strong>
                {entry.narrative === '' ? null : <p className="map-narrative">{entry.narrative}</p>}
                <p className="map-muted">{recordedText(entry)}</p>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {panel === 'progress' ? (
        <ProgressForm activity={activity} entries={progress} context={context} onClose={close} />
      ) : null}
      {panel === 'remove' ? (
        <ConfirmStep
          question={t('activity.removeQuestion', { title: activity.title })}
          confirmLabel={t('activity.removeConfirm')}
          busy={remover.isSaving}
          onConfirm={() => void remove()}
          onCancel={close}
        />
      ) : null}
      {panel === null ? (
        <div className="map-actions">
          <button
            type="button"
            className="button button-primary"
            aria-describedby={headingId}
            onClick={() => setPanel('progress')}
          >
            {t('progress.report')}
          </button>
          <button type="button" className="button" aria-describedby={headingId} onClick={() => setPanel('edit')}>
            {t('activity.edit')}
          </button>
          <button type="button" className="button" aria-describedby={headingId} onClick={() => setPanel('remove')}>
            {t('activity.remove')}
          </button>
        </div>
      ) : null}
    </article>
  );
}
