import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../domain/protocolProfile.ts';
import type { RiskReason } from '../../domain/riskScreening.ts';
import { isWorkerRole } from '../../domain/workerRole.ts';

/** The risk level in words, coloured by level; the colour only repeats what the words say. */
export function LevelBadge({ level }: { level: RiskLevel }) {
  const { t } = useTranslation('casework');
  return <span className={`level-badge level-${level}`}>{t(`level.${level}`)}</span>;
}

/** Why a student scored, strongest first: "14 unjustified absences this term — at or above 10". */
export function ReasonList({ reasons }: { reasons: readonly RiskReason[] }) {
  const { t } = useTranslation(['screening', 'casework']);
  if (reasons.length === 0) return <p className="card-detail">{t('sheet.noReasons')}</p>;
  return (
    <ul className="reason-list">
      {reasons.map((reason) => (
        <li key={reason.indicator}>
          {t(`casework:reason.${reason.indicator}`, { count: reason.value, threshold: reason.threshold })}
        </li>
      ))}
    </ul>
  );
}

/**
 * Who screened, as written on the record. A phone whose user never wrote a
 * name records "device:<role>" (workerStore.authorName); that shows as the role.
 */
export function useScreenerName(): (screenedBy: string) => string {
  const { t } = useTranslation('common');
  return (screenedBy) => {
    const role = screenedBy.startsWith('device:') ? screenedBy.slice('device:'.length) : undefined;
    return isWorkerRole(role) ? t(`role.${role}`) : screenedBy;
  };
}
