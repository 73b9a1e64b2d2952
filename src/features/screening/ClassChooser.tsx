import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { classKeyOf, type AccessScope } from '../../domain/accessScope.ts';
import { localIsoDate } from '../../domain/dueDates.ts';
import { displayName, type Language } from '../../domain/localizedName.ts';
import { mayCreateAt, schoolsFor } from '../../domain/writeRights.ts';
import { classesOfSchool } from '../../storage/classRosterQuery.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { classValueOf, validateClassChoice, type ClassChoiceDraft, type ClassChoiceErrors } from './classChoice.ts';
import type { ClassSession } from './classSession.ts';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid.ts';

interface ClassChooserProps {
  initial: ClassChoiceDraft;
  /** The signed-in scope: only the schools and classes it may screen are offered. */
  scope: AccessScope;
  onOpen: (session: ClassSession) => void;
}

/**
 * School, grade, class, term and date: prefilled with the last class so the
 * teacher starts with one tap. Only the schools and classes where the role
 * may record screenings are offered (a teacher's own class).
 */
export function ClassChooser({ initial, scope, onOpen }: ClassChooserProps) {
  const { t, i18n } = useTranslation(['screening', 'casework']);
  const language = i18n.language as Language;
  const offered = useMemo(() => new Set(schoolsFor(scope, 'screening')), [scope]);
  // A class remembered from before (another role, another school) is not offered again.
  const [draft, setDraft] = useState(() =>
    offered.has(initial.schoolId) ? initial : { ...initial, schoolId: '', grade: '', classValue: '' },
  );
  const [errors, setErrors] = useState<ClassChoiceErrors>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const schools = useLiveQuery(() => db.schools.toArray(), []);
  const schoolClasses = useLiveQuery(
    () => (draft.schoolId ? classesOfSchool(db, draft.schoolId) : Promise.resolve([])),
    [draft.schoolId],
  );
  const classes = schoolClasses?.filter((entry) =>
    mayCreateAt(scope, 'screening', draft.schoolId, classKeyOf(entry.grade, entry.className)),
  );

  const schoolOptions = useMemo(
    () =>
      (schools ?? [])
        .filter((school) => offered.has(school.id))
        .map((school) => ({ value: school.id, label: displayName(school.name, language) }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    [schools, language, offered],
  );
  const grades = [...new Set((classes ?? []).map((entry) => entry.grade))];
  const classOptions = (classes ?? [])
    .filter((entry) => String(entry.grade) === draft.grade)
    .map((entry) => ({
      value: classValueOf(entry.className),
      label: entry.className === '' ? t('chooser.noClassName') : entry.className,
    }));

  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(formRef.current);
  }, [attempt]);

  function change(patch: Partial<ClassChoiceDraft>): void {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch) as (keyof ClassChoiceDraft)[]) delete next[key];
      return next;
    });
  }

  function chooseGrade(grade: string): void {
    const only = (classes ?? []).filter((entry) => String(entry.grade) === grade);
    // One class in the grade: choose it too, one tap fewer.
    change({ grade, classValue: only.length === 1 && only[0] ? classValueOf(only[0].className) : '' });
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    const result = validateClassChoice(draft, localIsoDate(new Date()));
    if (result.ok) {
      onOpen(result.session);
      return;
    }
    setErrors(result.errors);
    setAttempt((count) => count + 1);
  }

  const errorText = (field: keyof ClassChoiceDraft) => {
    const code = errors[field];
    return code ? t(`casework:screeningError.${code}`) : undefined;
  };
  const errorCount = Object.keys(errors).length;

  if (schools === undefined) return <p role="status">{t('chooser.loading')}</p>;
  if (schoolOptions.length === 0) return <p className="empty">{t('chooser.noSchools')}</p>;
  return (
    <form ref={formRef} className="class-chooser" aria-labelledby="class-chooser-title" onSubmit={submit} noValidate>
      <h2 id="class-chooser-title">{t('chooser.heading')}</h2>
      {errorCount > 0 ? (
        <p className="form-summary" role="alert">
          {t('chooser.fixErrors', { count: errorCount })}
        </p>
      ) : null}
      <SelectField
        label={t('chooser.school')}
        value={draft.schoolId}
        options={schoolOptions}
        placeholder={t('chooser.choose')}
        onValueChange={(schoolId) => change({ schoolId, grade: '', classValue: '' })}
        error={errorText('schoolId')}
      />
      {draft.schoolId && classes !== undefined && classes.length === 0 ? (
        <p className="empty">{t('chooser.noStudents')}</p>
      ) : null}
      <div className="field-row">
        <SelectField
          label={t('chooser.grade')}
          value={draft.grade}
          options={grades.map((grade) => ({ value: String(grade), label: t('chooser.gradeOption', { grade }) }))}
          placeholder={t('chooser.choose')}
          onValueChange={chooseGrade}
          error={errorText('grade')}
        />
        <SelectField
          label={t('chooser.className')}
          value={draft.classValue}
          options={classOptions}
          placeholder={t('chooser.choose')}
          onValueChange={(classValue) => change({ classValue })}
          error={errorText('classValue')}
        />
      </div>
      <TextField
        label={t('chooser.term')}
        hint={t('chooser.termHint')}
        value={draft.term}
        onValueChange={(term) => change({ term })}
        error={errorText('term')}
        autoComplete="off"
      />
      <TextField
        label={t('chooser.date')}
        type="date"
        value={draft.screenedOn}
        onValueChange={(screenedOn) => change({ screenedOn })}
        error={errorText('screenedOn')}
      />
      <button type="submit" className="button button-primary button-wide">
        {t('chooser.open')}
      </button>
    </form>
  );
}
