import { useTranslation } from 'react-i18next';
import type { Breakdown } from '../../domain/dashboard/dashboardFigures.ts';
import type { DashboardPlace, DashboardPlaces } from '../../domain/dashboard/dashboardReply.ts';
import { FieldFrame } from '../../ui/FieldFrame.tsx';

interface PlaceChooserProps {
  places: DashboardPlaces;
  place: DashboardPlace;
  onPlace: (place: DashboardPlace) => void;
  breakdown: Breakdown;
  breakdowns: readonly Breakdown[];
  onBreakdown: (breakdown: Breakdown) => void;
  /** A place's name in the interface language. */
  nameOf: (id: string) => string;
}

/**
 * Which figures: a coordinator's municipality (or the user's own school),
 * then, in a municipality, all its schools or one; and what to break every
 * figure down by. Plain selects: one thumb, 48 px, and a screen reader
 * announces each with its label.
 */
export function PlaceChooser(props: PlaceChooserProps) {
  const { places, place, onPlace, breakdown, breakdowns, onBreakdown, nameOf } = props;
  const { t } = useTranslation('dashboard');
  const current =
    place.municipalityId === null ? `school:${place.schoolId ?? ''}` : `municipality:${place.municipalityId}`;
  const municipality = places.municipalities.find((item) => item.id === place.municipalityId);
  const choosePlace = (value: string) => {
    const [kind, id = ''] = value.split(':');
    onPlace(kind === 'school' ? { municipalityId: null, schoolId: id } : { municipalityId: id, schoolId: null });
  };
  return (
    <div className="dashboard-chooser">
      <FieldFrame label={t('place.label')}>
        {(control) => (
          <select {...control} value={current} onChange={(event) => choosePlace(event.target.value)}>
            {places.municipalities.map((item) => (
              <option key={item.id} value={`municipality:${item.id}`}>
                {nameOf(item.id)}
              </option>
            ))}
            {places.schoolIds.map((id) => (
              <option key={id} value={`school:${id}`}>
                {nameOf(id)}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      {municipality === undefined ? null : (
        <FieldFrame label={t('place.school')}>
          {(control) => (
            <select
              {...control}
              value={place.schoolId ?? ''}
              onChange={(event) => onPlace({ municipalityId: municipality.id, schoolId: event.target.value || null })}
            >
              <option value="">{t('place.allSchools')}</option>
              {municipality.schoolIds.map((id) => (
                <option key={id} value={id}>
                  {nameOf(id)}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      )}
      <FieldFrame label={t('breakdown.label')}>
        {(control) => (
          <select {...control} value={breakdown} onChange={(event) => onBreakdown(event.target.value as Breakdown)}>
            {breakdowns.map((item) => (
              <option key={item} value={item}>
                {t(`breakdown.${item}`)}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
    </div>
  );
}
