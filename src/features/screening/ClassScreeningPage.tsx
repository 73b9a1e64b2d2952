import { useTranslation } from 'react-i18next';
import { displayName, type Language } from '../../domain/localizedName.ts';
import { getProfile } from '../../domain/profiles/profiles.ts';
import { ClassChooser } from './ClassChooser.tsx';
import { ClassRoster } from './ClassRoster.tsx';
import { ClassSummary } from './ClassSummary.tsx';
import { ScreeningSheet } from './ScreeningSheet.tsx';
import { chooserStart, useClassScreening } from './useClassScreening.ts';
import './screening.css';

/** PRODUCT F3: a homeroom teacher screens a whole class, one student at a time, on the phone. */
export function ClassScreeningPage() {
  const { t, i18n } = useTranslation(['screening', 'casework']);
  const screening = useClassScreening();
  const { session, view, setView, school, entries } = screening;

  function content() {
    if (screening.linking) return <p role="status">{t('class.loading')}</p>;
    if (view.kind === 'choose' || !session || school === null) {
      return (
        <>
          <h1 id="screening-title">{t('title')}</h1>
          <ClassChooser initial={chooserStart(session)} onOpen={screening.openClass} />
        </>
      );
    }
    if (entries === undefined || school === undefined) return <p role="status">{t('class.loading')}</p>;
    const toRoster = () => setView({ kind: 'roster' });
    if (view.kind === 'summary') return <ClassSummary entries={entries} onBackToClass={toRoster} />;
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
