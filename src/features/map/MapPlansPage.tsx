import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../storage/database.ts';
import { mapPlansOf } from '../../storage/mapQueries.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { formatPeriod } from './mapFormat.ts';
import './map.css';
import { NewPlanForm } from './NewPlanForm.tsx';
import { PlanStatusText } from './PlanStatusText.tsx';
import { useMapMunicipalities, type MapAccess } from './useMapMunicipalities.ts';

/** The Action Plans of the coordinator's municipalities, and a new one (F21; docs/map.md). */
export function MapPlansPage() {
  const { t } = useTranslation('map');
  const access = useMapMunicipalities();
  return (
    <section className="page map" aria-labelledby="map-title">
      <h1 id="map-title">{t('title')}</h1>
      {access === undefined ? <p role="status">{t('loading')}</p> : null}
      {access === null ? <p className="map-notice">{t('noMunicipality')}</p> : null}
      {access ? <PlanList access={access} /> : null}
    </section>
  );
}

function PlanList({ access }: { access: MapAccess }) {
  const { t, i18n } = useTranslation(['map', 'common']);
  const [creating, setCreating] = useState(false);
  const ids = access.municipalities.map((municipality) => municipality.id);
  const idList = ids.join(',');
  const plans = useLiveQuery(async () => {
    const kept = new Set(idList.split(','));
    const all = (await mapPlansOf(db)).filter((plan) => kept.has(plan.municipalityId));
    const goals = await db.mapGoals
      .where('planId')
      .anyOf(all.map((plan) => plan.id))
      .toArray();
    return all.map((plan) => ({
      plan,
      goals: goals.filter((goal) => goal.planId === plan.id && goal.removed !== true).length,
    }));
  }, [idList]);
  const nameOf = (id: string) => access.municipalities.find((municipality) => municipality.id === id)?.name;

  return (
    <>
      <p>{t('list.intro')}</p>
      {creating ? (
        <NewPlanForm municipalities={access.municipalities} onCancel={() => setCreating(false)} />
      ) : (
        <button type="button" className="button button-primary map-wide" onClick={() => setCreating(true)}>
          {t('plan.new')}
        </button>
      )}
      <h2>{t('list.heading')}</h2>
      {plans === undefined ? <p role="status">{t('loading')}</p> : null}
      {plans?.length === 0 ? <p className="map-empty">{t('list.empty')}</p> : null}
      <ul className="map-plan-list">
        {(plans ?? []).map(({ plan, goals }) => (
          <li key={plan.id}>
            <a className="map-plan-card" href={`#/map/${plan.id}`}>
              <span className="map-card-title">{plan.title}</span>
              <span>{nameOf(plan.municipalityId) ?? t('place.notOnPhone')}</span>
              <span>{formatPeriod(plan.periodStart, plan.periodEnd, i18n.language)}</span>
              <PlanStatusText plan={plan} />
              <span className="map-muted">{t('list.goals', { count: goals })}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
