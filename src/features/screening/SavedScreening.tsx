import { useTranslation } from 'react-i18next';
import type { Language } from '../../domain/localizedName.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import type { ScreeningRow } from '../../storage/caseworkRecords.ts';
import { LevelBadge, ReasonList, useScreenerName } from './ScreeningWords.tsx';

interface SavedScreeningProps {
  screening: ScreeningRow;
  onRecordNew: () => void;
}

/** A student already screened this term: what was recorded, and a way to record a new screening beside it. */
export function SavedScreening({ screening, onRecordNew }: SavedScreeningProps) {
  const { t, i18n } = useTranslation(['screening', 'casework']);
  const screenerName = useScreenerName();
  return (
    <div className="saved-screening">
      <p>
        {t('sheet.alreadyScreened', {
          date: formatIsoDate(screening.screenedOn, i18n.language as Language),
          by: screenerName(screening.screenedBy),
        })}
      </p>
      <p className="result-line">
        <LevelBadge level={screening.level} />
        <span>{t('casework:screening.score', { count: screening.score })}</span>
      </p>
      <ReasonList reasons={screening.reasons} />
      <button type="button" className="button" onClick={onRecordNew}>
        {t('sheet.screenAgain')}
      </button>
      <p className="card-detail">{t('sheet.screenAgainHint')}</p>
    </div>
  );
}
