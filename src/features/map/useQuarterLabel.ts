import { useTranslation } from 'react-i18next';
import type { Quarter } from '../../domain/map/mapRecords.ts';
import { quarterParts } from './mapFormat.ts';

/** `2026-Q3` as the reader writes it ("Q3 2026", "Tremujori 3/2026", "3. квартал 2026."). */
export function useQuarterLabel(): (quarter: Quarter) => string {
  const { t } = useTranslation('map');
  return (quarter) => {
    const { year, quarter: number } = quarterParts(quarter);
    return t('quarter', { year, quarter: number });
  };
}
