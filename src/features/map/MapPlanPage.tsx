import { useTranslation } from 'react-i18next';
import { db } from '../../storage/database.ts';
import { mapPlanContents, type MapPlanContents } from '../../storage/mapQueries.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { GoalList } from './GoalList.tsx';
import './map.css';
import { PlanHeader } from './PlanHeader.tsx';
import { useMapMunicipalities, type MapMunicipality } from './useMapMunicipalities.ts';
import { useMunicipalityFigures } from './useMunicipalityFigures.ts';

/** One Action Plan: its details and status, goals, activities and progress (F21; docs/map.md). */
export function MapPlanPage({ planId }: { planId: string }) {
  const { t } = useTranslation('map');
  const access = useMapMunicipalities();
  const loaded = useLiveQuery(
    async () => ({ planId, contents: (await mapPlanContents(db, planId)) ?? null }),
    [planId],
  );
  const contents = loaded?.planId === planId ? loaded.contents : undefined;
  const municipality =
    contents === null || contents === undefined
      ? undefined
      : access?.municipalities.find((place) => place.id === contents.plan.municipalityId);

  if (access === undefined || contents === undefined) {
    return (
      <section className="page map">
        <p role="status">{t('loading')}</p>
      </section>
    );
  }
  if (access === null || contents === null || municipality === undefined) {
    return (
      <section className="page map" aria-labelledby="map-title">
        <a className="map-back" href="#/map">
          {t('back')}
        </a>
        <h1 id="map-title">{t('title')}</h1>
        <p className="map-notice">{access === null ? t('noMunicipality') : t('notFound')}</p>
      </section>
    );
  }
  return (
    <section className="page map" aria-labelledby="map-plan-title">
      <a className="map-back" href="#/map">
        {t('back')}
      </a>
      <PlanHeader plan={contents.plan} municipality={municipality} />
      <PlanBody contents={contents} municipality={municipality} recordedBy={access.displayName} />
    </section>
  );
}

function PlanBody({
  contents,
  municipality,
  recordedBy,
}: {
  contents: MapPlanContents;
  municipality: MapMunicipality;
  recordedBy: string;
}) {
  const figures = useMunicipalityFigures(municipality.id);
  return <GoalList contents={contents} municipality={municipality} figures={figures} recordedBy={recordedBy} />;
}
