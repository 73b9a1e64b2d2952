import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../domain/caseListFilter.ts';
import { displayName, type Language } from '../../domain/localizedName.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import type { SchoolRecord } from '../../storage/UraDatabase.ts';
import { RiskBadge } from './RiskBadge.tsx';

interface CaseCardProps {
  row: CaseSummary;
  school: SchoolRecord | undefined;
  today: string;
}

/** One case as a big link: name, status, risk in words, school and what is due. Memoised: lists are long. */
export const CaseCard = memo(function CaseCard({ row, school, today }: CaseCardProps) {
  const { t, i18n } = useTranslation(['cases', 'casework']);
  const language = i18n.language as Language;
  const name = `${row.givenName} ${row.familyName}`.trim();
  const overdue = row.nextDue !== null && row.nextDue < today;
  return (
    <li>
      <a className="card case-card" href={`#/cases/${row.caseId}`} data-testid="case-row">
        <span className="card-title">{name || t('list.unknownStudent')}</span>
        <span className="case-card-line">
          <span className="case-status">{t(`casework:status.${row.status}`)}</span>
          <RiskBadge level={row.riskLevel} />
        </span>
        <span className="card-detail">{school ? displayName(school.name, language) : t('list.unknownSchool')}</span>
        <span className={overdue ? 'case-due case-due-overdue' : 'case-due'}>
          {row.nextDue === null
            ? t('list.nothingDue')
            : t(overdue ? 'list.overdueSince' : 'list.dueOn', { date: formatIsoDate(row.nextDue, language) })}
        </span>
      </a>
    </li>
  );
});
