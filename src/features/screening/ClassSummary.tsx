import { useTranslation } from 'react-i18next';
import { RISK_LEVELS } from '../../domain/protocolProfile.ts';
import { compareScreenings } from '../../domain/riskScreening.ts';
import type { RosterEntry } from '../../storage/classRosterQuery.ts';
import type { StudentRecord } from '../../storage/UraDatabase.ts';
import { LevelBadge } from './ScreeningWords.tsx';

interface ClassSummaryProps {
  entries: readonly RosterEntry[];
  /** Whether the signed-in role may open a case for this student; else only an open case is linked. */
  mayFlag: (student: StudentRecord) => boolean;
  onBackToClass: () => void;
}

function studentName(entry: RosterEntry): string {
  return `${entry.student.givenName} ${entry.student.familyName}`;
}

/** The class after screening: how many at each level, whose risk rose, and a case for each student at high risk. */
export function ClassSummary({ entries, mayFlag, onBackToClass }: ClassSummaryProps) {
  const { t } = useTranslation(['screening', 'casework']);
  const screened = entries.filter((entry) => entry.termScreening);
  const notScreened = entries.length - screened.length;
  const rose = screened.filter(
    ({ termScreening, previousScreening }) =>
      termScreening && previousScreening && compareScreenings(previousScreening, termScreening) === 'rose',
  );
  const high = screened.filter(
    ({ termScreening }) => termScreening?.level === 'high' || termScreening?.level === 'veryHigh',
  );

  return (
    <>
      <h1 id="screening-title">{t('summary.heading')}</h1>
      <h2>{t('summary.levels')}</h2>
      <dl className="level-counts">
        {RISK_LEVELS.map((level) => (
          <div key={level}>
            <dt>{t(`casework:level.${level}`)}</dt>
            <dd>{screened.filter((entry) => entry.termScreening?.level === level).length}</dd>
          </div>
        ))}
      </dl>
      {notScreened > 0 ? <p className="list-count">{t('summary.notScreened', { count: notScreened })}</p> : null}
      <h2>{t('summary.rose')}</h2>
      {rose.length === 0 ? (
        <p className="empty">{t('summary.roseEmpty')}</p>
      ) : (
        <ul className="card-list">
          {rose.map((entry) => (
            <li key={entry.student.id} className="card">
              <span className="card-title">{studentName(entry)}</span>
              <span className="card-detail">
                {entry.previousScreening ? <LevelBadge level={entry.previousScreening.level} /> : null}
                {' → '}
                {entry.termScreening ? <LevelBadge level={entry.termScreening.level} /> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('summary.highRisk')}</h2>
      {high.length === 0 ? (
        <p className="empty">{t('summary.highEmpty')}</p>
      ) : (
        <ul className="card-list">
          {high.map((entry) => (
            <li key={entry.student.id} className="card summary-case">
              <span className="card-title">{studentName(entry)}</span>
              {entry.termScreening ? <LevelBadge level={entry.termScreening.level} /> : null}
              {entry.activeCaseId ? (
                <a className="button" href={`#/cases/${entry.activeCaseId}`}>
                  {t('summary.viewCase')}
                </a>
              ) : mayFlag(entry.student) ? (
                <a className="button button-primary" href={`#/cases/new/${entry.student.id}`}>
                  {t('summary.openCase')}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onBackToClass}>
          {t('summary.backToClass')}
        </button>
      </div>
    </>
  );
}
