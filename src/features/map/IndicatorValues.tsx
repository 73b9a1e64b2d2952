import { useTranslation } from 'react-i18next';
import { automaticValue } from '../../domain/map/mapIndicators.ts';
import { formatDateTime } from '../../i18n/formatDate.ts';
import type { MapActivityRow, MapProgressRow } from '../../storage/mapRecords.ts';
import { formatIndicatorValue } from './mapFormat.ts';
import { newestFirst } from './progressEntries.ts';
import { useQuarterLabel } from './useQuarterLabel.ts';
import type { KeptFigures } from './useMunicipalityFigures.ts';

interface IndicatorValuesProps {
  activity: MapActivityRow;
  entries: MapProgressRow[];
  figures: KeptFigures | null | undefined;
}

/**
 * Where the indicator stands: its baseline, its value now and its target. An
 * automatic indicator reads the municipality's last dashboard figures on the
 * phone (and says when they were computed); a manual one, the latest report.
 */
export function IndicatorValues({ activity, entries, figures }: IndicatorValuesProps) {
  const { t, i18n } = useTranslation('map');
  const quarterLabel = useQuarterLabel();
  const show = (value: number | null) =>
    value === null ? t('value.none') : formatIndicatorValue(value, activity.unit, i18n.language);

  let now: string;
  let note: string | undefined;
  if (activity.indicatorSource === 'manual') {
    const latest = newestFirst(entries)[0];
    now = latest === undefined || latest.value === null ? t('value.none') : show(latest.value);
    note = latest === undefined ? t('value.noProgress') : t('value.reported', { quarter: quarterLabel(latest.period) });
  } else if (figures === undefined) {
    now = t('value.none');
  } else if (figures === null) {
    now = t('value.none');
    note = t('value.noFigures');
  } else {
    const value = automaticValue(activity.indicatorSource, figures.figures);
    const date = formatDateTime(figures.computedAt, i18n.language);
    now = show(value);
    note = value === null ? t('value.suppressed', { date }) : t('value.automatic', { date });
  }

  return (
    <div className="map-indicator">
      <dl>
        <div>
          <dt>{t('field.baseline')}</dt>
          <dd>{show(activity.baseline)}</dd>
        </div>
        <div>
          <dt>{t('value.now')}</dt>
          <dd className="map-now">{now}</dd>
        </div>
        <div>
          <dt>{t('field.target')}</dt>
          <dd>{show(activity.target)}</dd>
        </div>
      </dl>
      {note === undefined ? null : <p className="map-muted">{note}</p>}
    </div>
  );
}
