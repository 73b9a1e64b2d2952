import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../domain/caseRecord.ts';
import type { Outcome } from '../../domain/dashboard/closureOutcomes.ts';
import type { Breakdown, FigureKey, ShownCount, Timeliness } from '../../domain/dashboard/dashboardFigures.ts';
import type { InterventionCategory } from '../../domain/interventions.ts';
import { displayName, type Language, type LocalizedName } from '../../domain/localizedName.ts';
import type { PlanActionStatus } from '../../domain/planAction.ts';
import type { RiskLevel } from '../../domain/protocolProfile.ts';
import type { Community, Sex } from '../../domain/student.ts';

export interface DashboardText {
  language: Language;
  /** A count as read: the number in the interface language, or "fewer than 5" / "hidden". */
  count: (value: ShownCount) => string;
  /** A count for a CSV cell: the bare number (spreadsheets read it), or the same words. */
  csvCount: (value: ShownCount) => string | number;
  column: (figure: FigureKey, column: string) => string;
  group: (breakdown: Breakdown, group: string) => string;
  /** A month (YYYY-MM) short, for a chart's axis. */
  month: (month: string) => string;
  percent: (share: number) => string;
  number: (value: number) => string;
}

/** Month keys as dates in UTC, so the month never shifts with the phone's time zone. */
function monthDate(month: string): Date {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
}

/**
 * Words for the dashboard's codes in the interface language, reusing the
 * casework and student terms the rest of the app shows, and numbers through
 * Intl. `placeName` names a school from the places on the phone.
 */
export function useDashboardText(placeName: (id: string) => LocalizedName | undefined): DashboardText {
  const { t, i18n } = useTranslation(['dashboard', 'casework', 'students']);
  const language = i18n.language as Language;
  return useMemo(() => {
    const integer = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    const shortMonth = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' });
    const monthYear = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const words = (value: 'fewerThan5' | 'hidden') => t(`dashboard:count.${value}`);
    const column = (figure: FigureKey, key: string): string => {
      switch (figure) {
        case 'screened':
        case 'casesByRisk':
          return key === 'notScreened' ? t('dashboard:column.notScreened') : t(`casework:level.${key as RiskLevel}`);
        case 'casesByStatus':
          return t(`casework:status.${key as CaseStatus}`);
        case 'newCases':
          return monthYear.format(monthDate(key));
        case 'flagToPlan':
          return t(`dashboard:column.${key as Timeliness}`);
        case 'actionsByType':
          return t(`casework:interventionCategory.${key as InterventionCategory}`);
        case 'actionsByStatus':
          return t(`casework:planActionStatus.${key as PlanActionStatus}`);
        case 'outcomes':
          return t(`dashboard:outcome.${key as Outcome}`);
      }
    };
    const group = (breakdown: Breakdown, key: string): string => {
      if (key === 'all' || key === 'unknown' || key === 'notRecorded') return t(`dashboard:group.${key}`);
      switch (breakdown) {
        case 'school': {
          const name = placeName(key);
          return name === undefined ? t('dashboard:place.notOnPhone') : displayName(name, language);
        }
        case 'sex':
          return t(`students:sex.${key as Sex}`);
        case 'area':
          return t(`dashboard:group.${key as 'rural' | 'urban'}`);
        case 'community':
          return t(`students:community.${key as Community}`);
        case 'all':
          return t('dashboard:group.all');
      }
    };
    return {
      language,
      count: (value) => (typeof value === 'number' ? integer.format(value) : words(value)),
      csvCount: (value) => (typeof value === 'number' ? value : words(value)),
      column,
      group,
      month: (month) => shortMonth.format(monthDate(month)),
      percent: (share) => percent.format(share),
      number: (value) => integer.format(value),
    };
  }, [t, language, placeName]);
}
