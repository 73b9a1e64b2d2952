import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../domain/localizedName.ts';
import type { Language } from '../../i18n/languages.ts';
import { TextField } from '../../ui/TextField.tsx';
import { usePlaces } from '../account/useWriteRights.ts';
import { useStudentList } from './useStudentList.ts';
import './students.css';

/**
 * Rows shown at first and added by each "Show more": a school team's phone may hold a thousand students, and
 * drawing a card for each at once is work a cheap phone need not do (a reason, not a measured figure). Search
 * looks through all of them either way.
 */
export const STUDENT_PAGE_SIZE = 100;

export function StudentListPage() {
  const { t, i18n } = useTranslation('students');
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(STUDENT_PAGE_SIZE);
  const { isLoading, total, students, schools } = useStudentList(query);
  const language = i18n.language as Language;
  // Registering is offered only where the role may: a school team's school, a teacher's class.
  const places = usePlaces('student');

  return (
    <section className="page" aria-labelledby="students-title">
      <div className="page-header">
        <h1 id="students-title">{t('list.title')}</h1>
        {places !== undefined && places.length > 0 ? (
          <>
            <a className="button" href="#/students/import">
              {t('list.import')}
            </a>
            <a className="button button-primary" href="#/students/new">
              {t('list.add')}
            </a>
          </>
        ) : null}
      </div>
      <TextField
        label={t('list.search')}
        hint={t('list.searchHint')}
        type="search"
        value={query}
        onValueChange={(value) => {
          setQuery(value);
          setLimit(STUDENT_PAGE_SIZE);
        }}
        autoComplete="off"
        enterKeyHint="search"
      />
      {isLoading ? <p role="status">{t('list.loading')}</p> : null}
      {!isLoading && total === 0 ? <p className="empty">{t('list.empty')}</p> : null}
      {!isLoading && total > 0 && students.length === 0 ? (
        <p className="empty">{t('list.noMatches', { query })}</p>
      ) : null}
      {students.length > 0 ? (
        <>
          <p className="list-count" aria-live="polite">
            {t('list.count', { count: students.length })}
          </p>
          <ul className="card-list" data-testid="student-list">
            {students.slice(0, limit).map((student) => {
              const school = schools.get(student.schoolId);
              return (
                <li key={student.id}>
                  <a className="card" href={`#/students/${student.id}`}>
                    <span className="card-title">
                      {student.givenName} {student.familyName}
                    </span>
                    <span className="card-detail">
                      {student.className
                        ? t('list.gradeClass', { grade: student.grade, className: student.className })
                        : t('list.grade', { grade: student.grade })}
                      {' · '}
                      {school ? displayName(school.name, language) : t('list.unknownSchool')}
                    </span>
                  </a>
                </li>
              );
            })}
          </ul>
          {students.length > limit ? (
            <button
              type="button"
              className="list-more"
              onClick={() => setLimit((current) => current + STUDENT_PAGE_SIZE)}
            >
              {t('list.showMore', { count: Math.min(STUDENT_PAGE_SIZE, students.length - limit) })}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
