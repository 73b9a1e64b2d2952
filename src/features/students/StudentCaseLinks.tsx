import { useTranslation } from 'react-i18next';
import { db } from '../../storage/database.ts';
import { casesForStudent } from '../../storage/caseRepository.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { useStudentRights } from '../account/useWriteRights.ts';

/**
 * From a student's page to their casework: the case not yet closed, or a new
 * flag (for a role that may open a case for the student), and their screenings.
 */
export function StudentCaseLinks({ studentId }: { studentId: string }) {
  const { t } = useTranslation('students');
  const cases = useLiveQuery(() => casesForStudent(db, studentId), [studentId]);
  const rights = useStudentRights(studentId);
  const active = cases?.find((record) => record.status !== 'closed');
  return (
    <section className="page" aria-labelledby="student-casework-title">
      <h2 id="student-casework-title">{t('casework.title')}</h2>
      <div className="page-header">
        {active ? (
          <a className="button button-primary" href={`#/cases/${active.id}`}>
            {t('casework.openCase')}
          </a>
        ) : rights?.flag ? (
          <a className="button button-primary" href={`#/cases/new/${studentId}`}>
            {t('casework.flag')}
          </a>
        ) : null}
        <a className="button" href={`#/students/${studentId}/screenings`}>
          {t('casework.screenings')}
        </a>
      </div>
    </section>
  );
}
