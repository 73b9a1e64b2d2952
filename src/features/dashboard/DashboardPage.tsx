import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessScope } from '../../domain/accessScope.ts';
import { FIGURE_KEYS, type Breakdown } from '../../domain/dashboard/dashboardFigures.ts';
import { displayName } from '../../domain/localizedName.ts';
import { formatDateTime } from '../../i18n/formatDate.ts';
import { useDeviceAccount } from '../account/useDeviceAccount.ts';
import { MapPlansLink } from '../map/MapPlansLink.tsx';
import { seesDashboard } from './dashboardAccess.ts';
import './dashboard.css';
import { DashboardStatus } from './DashboardStatus.tsx';
import { FigureSection } from './FigureSection.tsx';
import { PlaceChooser } from './PlaceChooser.tsx';
import { useDashboardFigures } from './useDashboardFigures.ts';
import { useDashboardPlace } from './useDashboardPlace.ts';
import { useDashboardText } from './useDashboardText.ts';
import { usePlaceNames } from './usePlaceNames.ts';

/**
 * The dashboard of a municipality or school (F16; docs/dashboard.md): a
 * coordinator's municipality from the server's suppressed aggregates (kept
 * for offline reading), a school team's own school computed on the phone.
 */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const account = useDeviceAccount();
  if (account === undefined) return <p role="status">{t('loading')}</p>;
  if (account === null || !seesDashboard(account.scope)) {
    return (
      <section className="page dashboard" aria-labelledby="dashboard-title">
        <h1 id="dashboard-title">{t('title')}</h1>
        <p className="dashboard-notice">{t('notAllowed')}</p>
      </section>
    );
  }
  return <Dashboard scope={account.scope} />;
}

function Dashboard({ scope }: { scope: AccessScope }) {
  const { t } = useTranslation('dashboard');
  const state = useDashboardPlace(scope);
  const shown = useDashboardFigures(state.place);
  const placeName = usePlaceNames();
  const text = useDashboardText(placeName);
  const [chosen, setBreakdown] = useState<Breakdown>('all');
  const { place } = state;
  const wholeMunicipality = place !== null && place.municipalityId !== null && place.schoolId === null;
  const breakdowns: Breakdown[] = [
    'all',
    ...(wholeMunicipality ? (['school'] as const) : []),
    'sex',
    'area',
    'community',
  ];
  const breakdown = breakdowns.includes(chosen) ? chosen : 'all';
  const nameOf = (id: string) => {
    const name = placeName(id);
    return name === undefined ? t('place.notOnPhone') : displayName(name, text.language);
  };
  const figures = shown?.figures;
  return (
    <section className="page dashboard" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('title')}</h1>
      <p>{place?.municipalityId === null ? t('intro.school') : t('intro.coordinator')}</p>
      <MapPlansLink scope={scope} />
      {place === null ? null : (
        <PlaceChooser
          places={state.places}
          place={place}
          onPlace={state.choose}
          breakdown={breakdown}
          breakdowns={breakdowns}
          onBreakdown={setBreakdown}
          nameOf={nameOf}
        />
      )}
      {place?.municipalityId === null ? null : (
        <DashboardStatus
          online={state.online}
          fetching={state.fetching}
          failure={state.failure}
          hasFigures={figures !== undefined}
          onRetry={state.retry}
        />
      )}
      <div className="dashboard-figures" aria-busy={shown === undefined || state.fetching}>
        {shown === undefined && place !== null ? <p role="status">{t('loading')}</p> : null}
        {shown === null || shown === undefined || figures === undefined || place === null ? null : (
          <>
            <p className="dashboard-computed">
              {t(shown.source === 'server' ? 'computed.server' : 'computed.device', {
                date: formatDateTime(shown.computedAt, text.language),
              })}
            </p>
            {figures.suppressed ? <p className="dashboard-suppressed">{t('computed.suppressed')}</p> : null}
            {FIGURE_KEYS.map((figure) => (
              <FigureSection
                key={figure}
                figure={figure}
                breakdown={breakdown}
                table={figures.breakdowns[breakdown][figure]}
                text={text}
                place={place}
                asOf={figures.asOf}
              />
            ))}
          </>
        )}
      </div>
    </section>
  );
}
