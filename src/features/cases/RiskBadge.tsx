import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../domain/protocolProfile.ts';

/** The risk level in words on a tinted badge: the colour only repeats what the text says. */
export function RiskBadge({ level }: { level: RiskLevel | null }) {
  const { t } = useTranslation(['cases', 'casework']);
  return (
    <span className={`risk-badge risk-${level ?? 'none'}`}>
      {level === null ? t('list.notScreened') : t(`casework:level.${level}`)}
    </span>
  );
}
