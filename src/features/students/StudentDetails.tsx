import { useTranslation } from 'react-i18next';
import { displayName } from '../../domain/localizedName.ts';
import type { Language } from '../../i18n/languages.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import type { StudentRecord } from '../../storage/UraDatabase.ts';
import './students.css';

/**
 * A student as recorded, to read only: for a role that may not change the
 * record (a mentor on the way to a family still needs the guardian's phone).
 * `notice` says why there is no form.
 */
export function StudentDetails({ student, notice }: { student: StudentRecord; notice: string }) {
  const { t, i18n } = useTranslation('students');
  const language = i18n.language as Language;
  const school = useLiveQuery(() => db.schools.get(student.schoolId), [student.schoolId]);
  return (
    <section className="page" aria-labelledby="student-details-title">
      <h1 id="student-details-title">
        {student.givenName} {student.familyName}
      </h1>
      <p>{notice}</p>
      <dl className="student-facts">
        <dt>{t('fields.grade')}</dt>
        <dd>
          {student.className
            ? t('list.gradeClass', { grade: student.grade, className: student.className })
            : t('list.grade', { grade: student.grade })}
        </dd>
        <dt>{t('fields.schoolId')}</dt>
        <dd>{school ? displayName(school.name, language) : t('list.unknownSchool')}</dd>
        {student.guardianName ? (
          <>
            <dt>{t('fields.guardianName')}</dt>
            <dd>{student.guardianName}</dd>
          </>
        ) : null}
        {student.guardianPhone ? (
          <>
            <dt>{t('fields.guardianPhone')}</dt>
            <dd>
              <a href={`tel:${student.guardianPhone.replace(/[^+0-9]/g, '')}`}>{student.guardianPhone}</a>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
