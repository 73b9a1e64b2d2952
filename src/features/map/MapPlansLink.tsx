import { useTranslation } from 'react-i18next';
import type { AccessScope } from '../../domain/accessScope.ts';

/** The way from the dashboard to the Action Plans, for whoever keeps a municipality's plan. */
export function MapPlansLink({ scope }: { scope: AccessScope }) {
  const { t } = useTranslation('map');
  if ((scope.municipalityIds ?? []).length === 0) return null;
  return (
    <p className="map-link">
      <a className="button" href="#/map">
        {t('title')}
      </a>
    </p>
  );
}
