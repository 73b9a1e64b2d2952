import { useTranslation } from 'react-i18next';
import { displayName, type Language } from '../../domain/localizedName.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import type { CaseView } from '../../storage/caseTimelineQuery.ts';
import { ageOn } from './summaryContent.ts';

/**
 * Who the case is about. The community is special-category data the server
 * sends only to the school team (accessScope.ts): shown when this phone holds
 * it, and otherwise left out altogether rather than shown as unknown.
 */
export function SummaryStudent({ view, today }: { view: CaseView; today: string }) {
  const { t, i18n } = useTranslation(['exports', 'students']);
  const language = i18n.language as Language;
  const { student, school } = view;
  const age = student ? ageOn(student.dateOfBirth, today) : undefined;
  return (
    <section aria-labelledby="summary-student">
      <h2 id="summary-student">{t('summary.student.title')}</h2>
      {student === undefined ? (
        <p>{t('summary.student.notSynced')}</p>
      ) : (
        <dl className="summary-facts">
          <dt>{t('summary.student.name')}</dt>
          <dd>{`${student.givenName} ${student.familyName}`}</dd>
          <dt>{t('summary.student.dateOfBirth')}</dt>
          <dd>
            {age === undefined
              ? formatIsoDate(student.dateOfBirth, language)
              : t('summary.student.birthAndAge', { date: formatIsoDate(student.dateOfBirth, language), count: age })}
          </dd>
          <dt>{t('summary.student.school')}</dt>
          <dd>{school ? displayName(school.name, language) : t('students:list.unknownSchool')}</dd>
          <dt>{t('summary.student.gradeClass')}</dt>
          <dd>{t('summary.student.gradeClassValue', { grade: student.grade, className: student.className })}</dd>
          <dt>{t('summary.student.guardian')}</dt>
          <dd>{student.guardianName || t('summary.student.notRecorded')}</dd>
          <dt>{t('summary.student.guardianPhone')}</dt>
          <dd>{student.guardianPhone || t('summary.student.notRecorded')}</dd>
          {student.community ? (
            <>
              <dt>{t('summary.student.community')}</dt>
              <dd data-testid="summary-community">{t(`students:community.${student.community}`)}</dd>
            </>
          ) : null}
        </dl>
      )}
    </section>
  );
}
