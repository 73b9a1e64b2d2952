import { useTranslation } from 'react-i18next';
import type { LevelChange, ScreeningResult } from '../../domain/riskScreening.ts';
import { LevelBadge, ReasonList } from './ScreeningWords.tsx';

interface ResultPanelProps {
  result: ScreeningResult;
  change: LevelChange | 'first';
}

/** The level, score, change and reasons as computed from what is typed so far; announced politely as it changes. */
export function ResultPanel({ result, change }: ResultPanelProps) {
  const { t } = useTranslation(['screening', 'casework']);
  return (
    <section className="result-panel" aria-labelledby="result-heading">
      <h2 id="result-heading">{t('sheet.resultHeading')}</h2>
      <div aria-live="polite" data-testid="screening-result">
        <p className="result-line">
          <LevelBadge level={result.level} />
          <span>{t('casework:screening.score', { count: result.score })}</span>
          <span className="card-detail">{t(`casework:levelChange.${change}`)}</span>
        </p>
        <ReasonList reasons={result.reasons} />
        {result.missing.length > 0 ? (
          <p className="card-detail">{t('casework:screening.missing', { count: result.missing.length })}</p>
        ) : null}
      </div>
    </section>
  );
}
