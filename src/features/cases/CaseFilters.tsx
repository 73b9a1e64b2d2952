import { useTranslation } from 'react-i18next';
import { CASE_STATUSES } from '../../domain/caseRecord.ts';
import { CASE_SORTS, type CaseListFilter, type CaseSort, type DueFilter } from '../../domain/caseListFilter.ts';
import { displayName, type Language } from '../../domain/localizedName.ts';
import { RISK_LEVELS } from '../../domain/protocolProfile.ts';
import type { SchoolRecord } from '../../storage/UraDatabase.ts';
import { FieldFrame } from '../../ui/FieldFrame.tsx';
import { SelectField } from '../../ui/SelectField.tsx';

interface CaseFiltersProps {
  filter: CaseListFilter;
  sort: CaseSort;
  schoolIds: readonly string[];
  schools: Map<string, SchoolRecord>;
  onFilterChange: (change: Partial<CaseListFilter>) => void;
  onSortChange: (sort: CaseSort) => void;
}

const SORT_LABELS = { due: 'sortDue', name: 'sortName', recent: 'sortRecent', risk: 'sortRisk' } as const;

/** Compact selects, two to a row on a phone; each keeps "any" as its empty choice. */
export function CaseFilters({ filter, sort, schoolIds, schools, onFilterChange, onSortChange }: CaseFiltersProps) {
  const { t, i18n } = useTranslation(['cases', 'casework']);
  const language = i18n.language as Language;
  const schoolOptions = schoolIds
    .map((id) => {
      const school = schools.get(id);
      return { value: id, label: school ? displayName(school.name, language) : t('list.unknownSchool') };
    })
    .sort((a, b) => a.label.localeCompare(b.label, language));
  return (
    <div className="case-filters" role="group" aria-label={t('list.filters')}>
      <SelectField
        label={t('list.status')}
        placeholder={t('list.anyStatus')}
        value={filter.status}
        options={CASE_STATUSES.map((status) => ({ value: status, label: t(`casework:status.${status}`) }))}
        onValueChange={(value) => onFilterChange({ status: value as CaseListFilter['status'] })}
      />
      <SelectField
        label={t('list.risk')}
        placeholder={t('list.anyRisk')}
        value={filter.riskLevel}
        options={[
          ...RISK_LEVELS.map((level) => ({ value: level, label: t(`casework:level.${level}`) })),
          { value: 'none', label: t('list.notScreened') },
        ]}
        onValueChange={(value) => onFilterChange({ riskLevel: value as CaseListFilter['riskLevel'] })}
      />
      <SelectField
        label={t('list.school')}
        placeholder={t('list.anySchool')}
        value={filter.schoolId}
        options={schoolOptions}
        onValueChange={(value) => onFilterChange({ schoolId: value })}
      />
      <SelectField
        label={t('list.due')}
        placeholder={t('list.anyDue')}
        value={filter.due === 'any' ? '' : filter.due}
        options={[
          { value: 'overdue', label: t('list.overdue') },
          { value: 'thisWeek', label: t('list.thisWeek') },
        ]}
        onValueChange={(value) => onFilterChange({ due: (value || 'any') as DueFilter })}
      />
      <div className="case-sort">
        <FieldFrame label={t('list.sort')}>
          {(control) => (
            <select {...control} value={sort} onChange={(event) => onSortChange(event.target.value as CaseSort)}>
              {CASE_SORTS.map((option) => (
                <option key={option} value={option}>
                  {t(`list.${SORT_LABELS[option]}`)}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      </div>
    </div>
  );
}
