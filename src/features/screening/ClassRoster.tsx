import { useTranslation } from 'react-i18next';
import type { Language } from '../../domain/localizedName.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import type { RosterEntry } from '../../storage/classRosterQuery.ts';
import type { ClassSession } from './classSession.ts';
import { LevelBadge } from './ScreeningWords.tsx';

interface ClassRosterProps {
  session: ClassSession;
  schoolName: string;
  entries: readonly RosterEntry[];
  onOpenStudent: (studentId: string) => void;
  onSummary: () => void;
  onChangeClass: () => void;
}

/** The class and this term's progress; Start/Continue opens the first student not yet screened. */
export function ClassRoster({
  session,
  schoolName,
  entries,
  onOpenStudent,
  onSummary,
  onChangeClass,
}: ClassRosterProps) {
  const { t, i18n } = useTranslation(['screening', 'casework']);
  const screened = entries.filter((entry) => entry.termScreening).length;
  const firstOpen = entries.find((entry) => !entry.termScreening);
  const classHeading = session.className
    ? t('class.heading', { grade: session.grade, className: session.className })
    : t('class.headingGrade', { grade: session.grade });

  return (
    <>
      <h1 id="screening-title">{t('title')}</h1>
      <div className="roster-header">
        <div>
          <p className="card-title">{classHeading}</p>
          <p className="card-detail">{schoolName}</p>
          <p className="card-detail">
            {t('class.termDate', {
              term: session.term,
              date: formatIsoDate(session.screenedOn, i18n.language as Language),
            })}
          </p>
        </div>
        <button type="button" className="button" onClick={onChangeClass}>
          {t('class.change')}
        </button>
      </div>
      {entries.length === 0 ? (
        <p className="empty">{t('class.empty')}</p>
      ) : (
        <>
          <p className="list-count" data-testid="screening-progress">
            {t('class.progress', { count: screened, total: entries.length })}
          </p>
          <div className="roster-actions">
            {firstOpen ? (
              <button
                type="button"
                className="button button-primary button-wide"
                onClick={() => onOpenStudent(firstOpen.student.id)}
              >
                {screened === 0 ? t('class.start') : t('class.continue')}
              </button>
            ) : null}
            {screened > 0 ? (
              <button type="button" className={firstOpen ? 'button' : 'button button-primary'} onClick={onSummary}>
                {t('class.summary')}
              </button>
            ) : null}
          </div>
          <h2>{t('class.students')}</h2>
          <ul className="card-list">
            {entries.map(({ student, termScreening }) => (
              <li key={student.id}>
                <button type="button" className="card roster-card" onClick={() => onOpenStudent(student.id)}>
                  <span className="card-title">
                    {student.givenName} {student.familyName}
                  </span>
                  {termScreening ? (
                    <span className="card-detail">
                      {t('class.screened')} <LevelBadge level={termScreening.level} />
                    </span>
                  ) : (
                    <span className="card-detail">{t('class.notScreened')}</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
