import { useTranslation } from 'react-i18next';
import type { MapPlan } from '../../domain/map/mapRecords.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';

/** Draft, or adopted with the act's reference and date: what makes the plan a municipal act. */
export function PlanStatusText({ plan }: { plan: Pick<MapPlan, 'status' | 'actReference' | 'adoptedOn'> }) {
  const { t, i18n } = useTranslation('map');
  if (plan.status !== 'adopted') return <span className="map-status map-status-draft">{t('status.draft')}</span>;
  return (
    <span className="map-status map-status-adopted">
      {plan.adoptedOn === null
        ? t('status.adopted')
        : t('status.adoptedAs', {
            reference: plan.actReference,
            date: formatIsoDate(plan.adoptedOn, i18n.language),
          })}
    </span>
  );
}
