import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../storage/database.ts';
import { changeMapGoal } from '../../storage/mapRepository.ts';
import type { MapActivityRow, MapGoalRow, MapPlanRow, MapProgressRow } from '../../storage/mapRecords.ts';
import { showToast } from '../../state/toastStore.ts';
import { ActivityCard } from './ActivityCard.tsx';
import { ActivityForm } from './ActivityForm.tsx';
import { ConfirmStep } from './ConfirmStep.tsx';
import { GoalForm } from './GoalForm.tsx';
import { asMapWrite, useMapForm } from './useMapForm.ts';
import type { KeptFigures } from './useMunicipalityFigures.ts';

/** What every goal and activity of one plan needs to know about it. */
export interface PlanContext {
  plan: MapPlanRow;
  figures: KeptFigures | null | undefined;
  recordedBy: string;
  currency: 'EUR' | 'RSD';
}

interface GoalSectionProps {
  number: number;
  goal: MapGoalRow;
  activities: MapActivityRow[];
  progress: MapProgressRow[];
  context: PlanContext;
}

type Panel = 'rename' | 'remove' | 'addActivity' | null;

/** One goal: its activities, a new activity, its title changed, or the goal taken out of the plan. */
export function GoalSection({ number, goal, activities, progress, context }: GoalSectionProps) {
  const { t } = useTranslation('map');
  const [panel, setPanel] = useState<Panel>(null);
  const remover = useMapForm(() => ({}));
  const close = () => setPanel(null);
  const headingId = `map-goal-${goal.id}`;

  async function remove(): Promise<void> {
    if (await remover.save(null, async () => asMapWrite(await changeMapGoal(db, goal.id, { removed: true })))) {
      showToast(t('goal.removed'));
    }
  }

  return (
    <section className="map-goal" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('goal.numbered', { number, title: goal.title })}</h3>
      <p className="map-muted">{t('goal.activities', { count: activities.length })}</p>
      {activities.map((activity) => (
        <ActivityCard
          key={activity.id}
          activity={activity}
          progress={progress.filter((entry) => entry.activityId === activity.id)}
          context={context}
        />
      ))}
      {panel === 'addActivity' ? (
        <ActivityForm planId={context.plan.id} goalId={goal.id} currency={context.currency} onClose={close} />
      ) : null}
      {panel === 'rename' ? (
        <GoalForm planId={context.plan.id} position={goal.position} editing={goal} onClose={close} />
      ) : null}
      {panel === 'remove' ? (
        <ConfirmStep
          question={t('goal.removeQuestion', { title: goal.title })}
          confirmLabel={t('goal.removeConfirm')}
          busy={remover.isSaving}
          onConfirm={() => void remove()}
          onCancel={close}
        />
      ) : null}
      {panel === null ? (
        <div className="map-actions">
          <button type="button" className="button" onClick={() => setPanel('addActivity')}>
            {t('activity.add')}
          </button>
          <button type="button" className="button" onClick={() => setPanel('rename')}>
            {t('goal.edit')}
          </button>
          <button type="button" className="button" onClick={() => setPanel('remove')}>
            {t('goal.remove')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
