import { useTranslation } from 'react-i18next';
import type { Language } from '../../domain/localizedName.ts';
import { screeningHistory } from '../../domain/riskScreening.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import { db } from '../../storage/database.ts';
import { screeningsForStudent } from '../../storage/screeningRepository.ts';
import { getStudent } from '../../storage/studentRepository.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { useStudentRights } from '../account/useWriteRights.ts';
import { LevelBadge, ReasonList, useScreenerName } from './ScreeningWords.tsx';
import './screening.css';

/** A student's screenings, newest first, each with its reasons and the change of level from the one before. */
export function StudentScreeningsPage({ studentId }: { studentId: string }) {
  const { t, i18n } = useTranslation(['screening', 'casework']);
  const language = i18n.language as Language;
  const screenerName = useScreenerName();
  const student = useLiveQuery(async () => (await getStudent(db, studentId)) ?? null, [studentId]);
  const rows = useLiveQuery(() => screeningsForStudent(db, studentId), [studentId]);
  // "Screen again" only for a role that may record this student's screening (teacher of the class, school team).
  const rights = useStudentRights(studentId);

  if (student === undefined || rows === undefined || rights === undefined)
    return <p role="status">{t('history.loading')}</p>;
  if (student === null) {
    return (
      <section className="page" aria-labelledby="student-screenings-title">
        <h1 id="student-screenings-title">{t('title')}</h1>
        <p className="empty">{t('history.notFound')}</p>
      </section>
    );
  }
  const history = screeningHistory(rows).reverse();
  // screeningHistory works on the domain type; the stored reasons come back by id.
  const reasonsOf = new Map(rows.map((row) => [row.id, row.reasons]));
  return (
    <section className="page" aria-labelledby="student-screenings-title">
      <h1 id="student-screenings-title">
        {t('history.heading', { name: `${student.givenName} ${student.familyName}` })}
      </h1>
      <div className="roster-actions">
        {rights?.screen ? (
          <a className="button button-primary" href={`#/screening/${studentId}`}>
            {t('history.screenAgain')}
          </a>
        ) : null}
        <a className="button" href={`#/students/${studentId}`}>
          {t('history.backToStudent')}
        </a>
      </div>
      {history.length === 0 ? <p className="empty">{t('history.empty')}</p> : null}
      <ol className="card-list" aria-label={t('title')}>
        {history.map(({ screening, change }) => (
          <li key={screening.id} className="card history-item">
            <span className="card-title">
              {t('history.when', { date: formatIsoDate(screening.screenedOn, language), term: screening.term })}
            </span>
            <span className="result-line">
              <LevelBadge level={screening.level} />
              <span>{t('casework:screening.score', { count: screening.score })}</span>
              <span className="card-detail">{t(`casework:levelChange.${change}`)}</span>
            </span>
            <ReasonList reasons={reasonsOf.get(screening.id) ?? []} />
            <span className="card-detail">{t('history.screenedBy', { name: screenerName(screening.screenedBy) })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
