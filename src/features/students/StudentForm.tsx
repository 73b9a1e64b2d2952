import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessScope } from '../../domain/accessScope.ts';
import { displayName } from '../../domain/localizedName.ts';
import { COMMUNITIES, SEXES, type StudentDraft, type StudentField, type StudentFields } from '../../domain/student.ts';
import { mayStoreStudent, schoolsFor, seesSensitiveAt } from '../../domain/writeRights.ts';
import type { Language } from '../../i18n/languages.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { showToast } from '../../state/toastStore.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { ChoiceField } from '../../ui/ChoiceField.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useStudentForm } from './useStudentForm.ts';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';

interface StudentFormProps {
  studentId?: string | undefined;
  initial?: StudentDraft | undefined;
  /** The signed-in scope: which schools are offered, whether `community` is, and whether a save would be accepted. */
  scope: AccessScope;
  /** The student as stored, for an edit: its place and the fields an edit changes are checked against it. */
  stored?: StudentFields | undefined;
}

/**
 * Registers or edits a student. Only schools where the role may keep
 * students are offered; `community` only where the role sees it (the school
 * team's own school); and a student placed outside the role's school or
 * class is refused here, not days later by the server.
 */
export function StudentForm({ studentId, initial, scope, stored }: StudentFormProps) {
  const { t, i18n } = useTranslation(['students', 'common', 'account']);
  const seesCommunity = (schoolId: string): boolean =>
    (schoolId === '' ? scope.schoolIds.length > 0 : seesSensitiveAt(scope, schoolId)) &&
    (stored === undefined || seesSensitiveAt(scope, stored.schoolId));
  const prepare = (value: StudentFields): StudentFields | null => {
    // A field the role may not see keeps what the phone holds: '' (not recorded) for anyone but the school team.
    const next = seesCommunity(value.schoolId) ? value : { ...value, community: stored?.community ?? '' };
    const before = studentId !== undefined && stored !== undefined ? { id: studentId, fields: stored } : null;
    return mayStoreStudent(scope, before, next) ? next : null;
  };
  const { draft, errors, isSaving, setField, save } = useStudentForm(initial, studentId, prepare);
  const [summary, setSummary] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  const schools = useLiveQuery(() => db.schools.toArray(), []) ?? [];
  const language = i18n.language as Language;
  const offered = new Set([...schoolsFor(scope, 'student'), ...(stored ? [stored.schoolId] : [])]);

  const errorFor = (field: StudentField): string | undefined => {
    const code = errors[field];
    return code ? t(`validation.${code}` as 'validation.invalid', { field: t(`fields.${field}`) }) : undefined;
  };
  const schoolOptions = schools
    .filter((school) => offered.has(school.id))
    .map((school) => ({ value: school.id, label: displayName(school.name, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const outcome = await save();
    if (outcome.status === 'saved') {
      showToast(t('form.saved'));
      window.location.hash = '#/students';
    } else if (outcome.status === 'notAllowed') {
      setSummary(t('account:rights.studentPlace'));
    } else if (outcome.status === 'invalid') {
      setSummary(t('form.fixErrors', { count: outcome.count }));
      // Move focus to the first wrong field, so a screen reader and a thumb both land there.
      focusFirstInvalidNextFrame(formRef.current);
    } else if (outcome.code !== 'busy') {
      setSummary(t(`common:errors.${outcome.code === 'storageFull' ? 'storageFull' : 'generic'}`));
    }
  }

  return (
    <section className="page" aria-labelledby="student-form-title">
      <h1 id="student-form-title">{studentId ? t('form.editTitle') : t('form.newTitle')}</h1>
      <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)}>
        {summary ? (
          <p className="form-summary" role="alert">
            {summary}
          </p>
        ) : null}
        <TextField
          label={t('fields.givenName')}
          value={draft.givenName}
          error={errorFor('givenName')}
          onValueChange={(value) => setField('givenName', value)}
          autoComplete="off"
          autoCapitalize="words"
        />
        <TextField
          label={t('fields.familyName')}
          value={draft.familyName}
          error={errorFor('familyName')}
          onValueChange={(value) => setField('familyName', value)}
          autoComplete="off"
          autoCapitalize="words"
        />
        <ChoiceField
          label={t('fields.sex')}
          name="sex"
          value={draft.sex}
          error={errorFor('sex')}
          options={SEXES.map((sex) => ({ value: sex, label: t(`sex.${sex}`) }))}
          onValueChange={(value) => setField('sex', value)}
        />
        <TextField
          label={t('fields.dateOfBirth')}
          type="date"
          value={draft.dateOfBirth}
          error={errorFor('dateOfBirth')}
          onValueChange={(value) => setField('dateOfBirth', value)}
        />
        <SelectField
          label={t('fields.schoolId')}
          value={draft.schoolId}
          error={errorFor('schoolId')}
          hint={schoolOptions.length === 0 ? t('form.noSchools') : undefined}
          placeholder={t('form.choose')}
          options={schoolOptions}
          onValueChange={(value) => setField('schoolId', value)}
        />
        <div className="field-row">
          <TextField
            label={t('fields.grade')}
            inputMode="numeric"
            value={draft.grade}
            error={errorFor('grade')}
            onValueChange={(value) => setField('grade', value)}
          />
          <TextField
            label={t('fields.className')}
            value={draft.className}
            error={errorFor('className')}
            onValueChange={(value) => setField('className', value)}
          />
        </div>
        <CheckboxField
          label={t('fields.rural')}
          checked={draft.rural}
          onCheckedChange={(value) => setField('rural', value)}
        />
        <TextField
          label={t('fields.guardianName')}
          value={draft.guardianName}
          error={errorFor('guardianName')}
          onValueChange={(value) => setField('guardianName', value)}
          autoComplete="off"
        />
        <TextField
          label={t('fields.guardianPhone')}
          type="tel"
          value={draft.guardianPhone}
          error={errorFor('guardianPhone')}
          onValueChange={(value) => setField('guardianPhone', value)}
          autoComplete="off"
        />
        {seesCommunity(draft.schoolId) ? (
          <SelectField
            label={t('fields.community')}
            value={draft.community}
            error={errorFor('community')}
            hint={t('form.sensitive')}
            placeholder={t('community.undisclosed')}
            options={COMMUNITIES.map((community) => ({ value: community, label: t(`community.${community}`) }))}
            onValueChange={(value) => setField('community', value)}
          />
        ) : null}
        <div className="form-actions">
          <a className="button" href="#/students">
            {t('common:actions.cancel')}
          </a>
          <button type="submit" className="button button-primary" disabled={isSaving}>
            {isSaving ? t('common:actions.saving') : t('common:actions.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
