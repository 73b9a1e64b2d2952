import { useTranslation } from 'react-i18next';
import { draftFromStudent } from '../../domain/student.ts';
import { db } from '../../storage/database.ts';
import { getStudent } from '../../storage/studentRepository.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { StudentCaseLinks } from './StudentCaseLinks.tsx';
import { StudentForm } from './StudentForm.tsx';

/** Register a new student, or edit one when `studentId` is given. */
export function StudentFormPage({ studentId }: { studentId?: string | undefined }) {
  const { t } = useTranslation(['students', 'common']);
  // `null` once loaded and absent, so "not found" is not shown while loading.
  const student = useLiveQuery(
    async () => (studentId ? ((await getStudent(db, studentId)) ?? null) : null),
    [studentId],
  );

  if (studentId && student === undefined) return <p role="status">{t('list.loading')}</p>;
  if (studentId && student === null) {
    return (
      <section className="page">
        <p>{t('form.notFound')}</p>
        <a href="#/students">{t('common:actions.back')}</a>
      </section>
    );
  }
  return (
    <>
      <StudentForm
        key={studentId ?? 'new'}
        studentId={studentId}
        initial={student ? draftFromStudent(student) : undefined}
      />
      {studentId ? <StudentCaseLinks studentId={studentId} /> : null}
    </>
  );
}
