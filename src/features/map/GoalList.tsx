import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapPlanContents } from '../../storage/mapQueries.ts';
import { currencyOf } from './mapFormat.ts';
import { GoalForm } from './GoalForm.tsx';
import { GoalSection, type PlanContext } from './GoalSection.tsx';
import type { MapMunicipality } from './useMapMunicipalities.ts';
import type { KeptFigures } from './useMunicipalityFigures.ts';

interface GoalListProps {
  contents: MapPlanContents;
  municipality: MapMunicipality;
  figures: KeptFigures | null | undefined;
  recordedBy: string;
}

/** The plan's goals in order, each with its activities, and a new goal at the end. */
export function GoalList({ contents, municipality, figures, recordedBy }: GoalListProps) {
  const { t } = useTranslation('map');
  const [adding, setAdding] = useState(false);
  const { plan, goals, activities, progress } = contents;
  const context: PlanContext = { plan, figures, recordedBy, currency: currencyOf(municipality.country) };
  const nextPosition = Math.max(0, ...goals.map((goal) => goal.position)) + 1;
  return (
    <section className="map-goals" aria-labelledby="map-goals-title">
      <h2 id="map-goals-title">{t('goal.heading')}</h2>
      {goals.length === 0 ? <p className="map-empty">{t('goal.empty')}</p> : null}
      {goals.map((goal, index) => (
        <GoalSection
          key={goal.id}
          number={index + 1}
          goal={goal}
          activities={activities.filter((activity) => activity.goalId === goal.id)}
          progress={progress}
          context={context}
        />
      ))}
      {adding ? (
        <GoalForm planId={plan.id} position={nextPosition} onClose={() => setAdding(false)} />
      ) : (
        <button type="button" className="button map-wide" onClick={() => setAdding(true)}>
          {t('goal.add')}
        </button>
      )}
    </section>
  );
}
