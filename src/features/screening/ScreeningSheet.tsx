import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProtocolProfile } from '../../domain/protocolProfile.ts';
import { compareScreenings } from '../../domain/riskScreening.ts';
import type { RosterEntry } from '../../storage/classRosterQuery.ts';
import { showToast } from '../../state/toastStore.ts';
import { authorName, useWorkerStore } from '../../state/workerStore.ts';
import type { ClassSession } from './classSession.ts';
import { IndicatorFields } from './IndicatorFields.tsx';
import { ResultPanel } from './ResultPanel.tsx';
import { SavedScreening } from './SavedScreening.tsx';
import { LevelBadge } from './ScreeningWords.tsx';
import { useScreeningSheet, type SheetSaveOutcome } from './useScreeningSheet.ts';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid.ts';

export interface SheetNavigation {
  position: number;
  total: number;
  onSaved: () => void;
  onPrevious: (() => void) | undefined;
  onSkip: () => void;
  onBackToClass: () => void;
}

interface ScreeningSheetProps extends SheetNavigation {
  profile: ProtocolProfile;
  entry: RosterEntry;
  session: ClassSession;
}

type Problem = Exclude<SheetSaveOutcome, { status: 'saved' } | { status: 'busy' }>;

/** One student of the class: the sheet, its live result, and the steps to the next student. */
export function ScreeningSheet({ profile, entry, session, ...nav }: ScreeningSheetProps) {
  const { t } = useTranslation(['screening', 'casework', 'common']);
  const { student } = entry;
  const sheet = useScreeningSheet({
    profile,
    studentId: student.id,
    term: session.term,
    screenedOn: session.screenedOn,
  });
  // Decided once: a screening pulled by sync while the teacher types must not swap the form away.
  const [showSaved, setShowSaved] = useState(entry.termScreening !== undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ready = sheet.draft !== undefined;
  const name = `${student.givenName} ${student.familyName}`;

  // Each student starts at the top with their name, also for screen readers after Save and next.
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready]);

  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(formRef.current);
  }, [attempt]);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const outcome = await sheet.save(authorName(useWorkerStore.getState()));
    if (outcome.status === 'busy') return;
    if (outcome.status === 'saved') {
      showToast(t('sheet.saved', { name }));
      nav.onSaved();
      return;
    }
    setProblem(outcome);
    if (outcome.status === 'invalid') setAttempt((count) => count + 1);
  }

  function change(code: string, value: string | boolean): void {
    setProblem(undefined);
    sheet.setValue(code, value);
  }

  const header = (
    <header className="sheet-header">
      <p className="card-detail">{t('sheet.position', { position: nav.position, total: nav.total })}</p>
      <h1 id="screening-title" className="sheet-name" ref={headingRef} tabIndex={-1}>
        {name}
      </h1>
      <button type="button" className="button" onClick={nav.onBackToClass}>
        {t('sheet.toClass')}
      </button>
    </header>
  );
  const previousButton = nav.onPrevious ? (
    <button type="button" className="button" onClick={nav.onPrevious}>
      {t('sheet.previous')}
    </button>
  ) : null;

  if (!sheet.draft) return <p role="status">{t('sheet.loading')}</p>;
  if (entry.termScreening && showSaved && !sheet.restored) {
    return (
      <div className="sheet">
        {header}
        <SavedScreening screening={entry.termScreening} onRecordNew={() => setShowSaved(false)} />
        <div className="sheet-actions">
          {previousButton}
          <button type="button" className="button button-primary" onClick={nav.onSkip}>
            {t('sheet.next')}
          </button>
        </div>
      </div>
    );
  }

  const { result, errors } = sheet.evaluation;
  const levelChange = entry.latestScreening ? compareScreenings(entry.latestScreening, result) : 'first';
  return (
    <form
      ref={formRef}
      className="sheet"
      aria-labelledby="screening-title"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      {header}
      <IndicatorFields
        profile={profile}
        draft={sheet.draft}
        errors={errors}
        onValueChange={change}
        onFactorChange={sheet.setFactor}
      />
      <ResultPanel result={result} change={levelChange} />
      <div className="sheet-actions">
        {problem ? (
          <p className="form-summary" role="alert">
            {problem.status === 'invalid'
              ? t('sheet.fixErrors', { count: problem.count })
              : problem.status === 'empty'
                ? t('sheet.nothingEntered')
                : t(`common:errors.${problem.code}`)}
          </p>
        ) : null}
        <p className="sheet-result-line" aria-hidden="true">
          <LevelBadge level={result.level} /> {t('casework:screening.score', { count: result.score })}
        </p>
        {previousButton}
        <button type="button" className="button" onClick={nav.onSkip}>
          {t('sheet.skip')}
        </button>
        <button type="submit" className="button button-primary sheet-save" disabled={sheet.isSaving}>
          {sheet.isSaving ? t('common:actions.saving') : t('sheet.saveNext')}
        </button>
      </div>
    </form>
  );
}
