import { useTranslation } from 'react-i18next';
import { classKeyOf } from '../../domain/accessScope.ts';
import { displayName, type Language } from '../../domain/localizedName.ts';
import { getProfile } from '../../domain/profiles/profiles.ts';
import { studentKeysOf } from '../../domain/newRecordKeys.ts';
import { mayCreateAt, placesFor, studentRights } from '../../domain/writeRights.ts';
import { useAccessScope } from '../account/useWriteRights.ts';
import type { StudentRecord } from '../../storage/UraDatabase.ts';
import { ClassChooser } from './ClassChooser.tsx';
import { ClassRoster } from './ClassRoster.tsx';
import { ClassSummary } from './ClassSummary.tsx';
import { ScreeningSheet } from './ScreeningSheet.tsx';
import { chooserStart, useClassScreening } from './useClassScreening.ts';
import './screening.css';

/**
 * PRODUCT F3: a homeroom teacher screens a whole class, one student at a
 * time, on the phone. Only a class the signed-in role may screen opens (a
 * teacher's own, any of the school team's school); a role that may screen
 * none is told so.
 */
export function ClassScreeningPage() {
  const { t, i18n } = useTranslation(['screening', 'casework', 'account']);
  const screening = useClassScreening();
  const scope = useAccessScope();
  const { session, view, setView, school, entries } = screening;

  function content() {
    if (screening.linking || scope === undefined) return <p role="status">{t('class.loading')}</p>;
    if (placesFor(scope, 'screening').length === 0) {
      return (
        <>
          <h1 id="screening-title">{t('title')}</h1>
          <p>{t('account:rights.screening')}</p>
        </>
      );
    }
    const mayScreen =
      session !== undefined &&
      mayCreateAt(scope, 'screening', session.schoolId, classKeyOf(session.grade, session.className));
    if (view.kind === 'choose' || !session || school === null || !mayScreen) {
      return (
        <>
          <h1 id="screening-title">{t('title')}</h1>
          {session && !mayScreen ? <p className="form-summary">{t('account:rights.screeningClass')}</p> : null}
          <ClassChooser initial={chooserStart(session)} scope={scope} onOpen={screening.openClass} />
        </>
      );
    }
    if (entries === undefined || school === undefined) return <p role="status">{t('class.loading')}</p>;
    const toRoster = () => setView({ kind: 'roster' });
    if (view.kind === 'summary') {
      const mayFlag = (student: StudentRecord) => studentRights(scope, studentKeysOf(student.id, student)).flag;
      return <ClassSummary entries={entries} mayFlag={mayFlag} onBackToClass={toRoster} />;
    }
    const index = view.kind === 'sheet' ? screening.indexOf(view.studentId) : -1;
    const entry = entries[index];
    if (view.kind === 'sheet' && entry) {
      return (
        <ScreeningSheet
          key={entry.student.id}
          profile={getProfile(school.country)}
          entry={entry}
          session={session}
          position={index + 1}
          total={entries.length}
          onSaved={() => screening.nextAfter(entry.student.id)}
          onSkip={() => screening.nextAfter(entry.student.id)}
          onPrevious={screening.previousOf(entry.student.id)}
          onBackToClass={toRoster}
        />
      );
    }
    return (
      <ClassRoster
        session={session}
        schoolName={displayName(school.name, i18n.language as Language)}
        entries={entries}
        onOpenStudent={(studentId) => setView({ kind: 'sheet', studentId })}
        onSummary={() => setView({ kind: 'summary' })}
        onChangeClass={() => setView({ kind: 'choose' })}
      />
    );
  }

  return (
    <section className="page screening-page" aria-labelledby="screening-title">
      {content()}
    </section>
  );
}
