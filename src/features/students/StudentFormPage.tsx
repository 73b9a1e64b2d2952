import { useTranslation } from 'react-i18next';
import { studentKeysOf } from '../../domain/newRecordKeys.ts';
import { draftFromStudent } from '../../domain/student.ts';
import { placesFor, studentRights } from '../../domain/writeRights.ts';
import { db } from '../../storage/database.ts';
import { getStudent } from '../../storage/studentRepository.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { useAccessScope } from '../account/useWriteRights.ts';
import { StudentCaseLinks } from './StudentCaseLinks.tsx';
import { StudentDetails } from './StudentDetails.tsx';
import { StudentForm } from './StudentForm.tsx';

/**
 * Register a new student, or edit one when `studentId` is given — when the
 * signed-in role may. Otherwise the page says so (reached by an address, a
 * form would only queue a change the server refuses) and shows the student
 * as recorded, with the way to their casework.
 */
export function StudentFormPage({ studentId }: { studentId?: string | undefined }) {
  const { t } = useTranslation(['students', 'common', 'account']);
  const scope = useAccessScope();
  // `null` once loaded and absent, so "not found" is not shown while loading.
  const student = useLiveQuery(
    async () => (studentId ? ((await getStudent(db, studentId)) ?? null) : null),
    [studentId],
  );

  if (scope === undefined || (studentId && student === undefined)) return <p role="status">{t('list.loading')}</p>;
  if (studentId && student === null) {
    return (
      <section className="page">
        <p>{t('form.notFound')}</p>
        <a href="#/students">{t('common:actions.back')}</a>
      </section>
    );
  }
  if (!student && placesFor(scope, 'student').length === 0) {
    return (
      <section className="page" aria-labelledby="student-form-title">
        <h1 id="student-form-title">{t('form.newTitle')}</h1>
        <p>{t('account:rights.studentNew')}</p>
        <a className="button" href="#/students">
          {t('common:actions.back')}
        </a>
      </section>
    );
  }
  if (student && !studentRights(scope, studentKeysOf(student.id, student)).edit) {
    return (
      <>
        <StudentDetails student={student} notice={t('account:rights.studentEdit')} />
        <StudentCaseLinks studentId={student.id} />
      </>
    );
  }
  return (
    <>
      <StudentForm
        key={studentId ?? 'new'}
        studentId={studentId}
        initial={student ? draftFromStudent(student) : undefined}
        scope={scope}
        stored={student ?? undefined}
      />
      {studentId ? <StudentCaseLinks studentId={studentId} /> : null}
    </>
  );
}
