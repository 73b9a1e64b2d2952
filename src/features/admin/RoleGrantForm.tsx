import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../domain/accessScope.ts';
import { MAX_GRADE } from '../../domain/student.ts';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { AdminProblemAlert } from './AdminProblemAlert.tsx';
import type { RoleAssignment } from './adminTypes.ts';
import { placesOfRole, useGrantForm, type GrantField } from './roleGrantForm.ts';
import { useFaultText } from './useFaultText.ts';
import type { Places } from './usePlaces.ts';

const GRADES = Array.from({ length: MAX_GRADE + 1 }, (_, grade) => String(grade));

interface RoleGrantFormProps {
  userId: string;
  personName: string;
  places: Places;
  onGranted: (assignment: RoleAssignment) => void;
}

/** Giving a role with the place it applies to: a school, a school's class, or a municipality. */
export function RoleGrantForm({ userId, personName, places, onGranted }: RoleGrantFormProps) {
  const { t } = useTranslation(['admin', 'account']);
  const faultText = useFaultText();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useGrantForm(userId);
  const { draft, faults, action } = form;
  const needs = placesOfRole(draft.role);
  const labels: Record<GrantField | 'classKey', string> = {
    role: t('roles.role'),
    schoolId: t('roles.school'),
    grade: t('roles.grade'),
    className: t('roles.className'),
    classKey: t('roles.className'),
    municipalityId: t('roles.municipality'),
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const outcome = await form.submit();
    if (typeof outcome === 'object') onGranted(outcome);
    else if (outcome !== undefined) focusFirstInvalidNextFrame(formRef.current);
  }

  return (
    <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="admin-grant-title">
      <h3 id="admin-grant-title">{t('roles.add')}</h3>
      {action.problem ? (
        <AdminProblemAlert
          problem={action.problem}
          fieldLabels={labels}
          words={{
            conflict: t('roles.alreadyHeld', { name: personName }),
            notFound: t('person.gone'),
            forbidden: t('problem.adminOnly'),
          }}
        />
      ) : null}
      <SelectField
        label={labels.role}
        value={draft.role}
        options={ROLES.map((role) => ({ value: role, label: t(`account:role.${role}`) }))}
        placeholder={t('roles.chooseRole')}
        hint={draft.role === '' ? undefined : t(`roles.hint.${draft.role}`)}
        onValueChange={(value) => form.set('role', value)}
        error={faultText(faults.get('role'))}
      />
      {needs.school ? (
        <SelectField
          label={labels.schoolId}
          value={draft.schoolId}
          options={places.schoolOptions}
          placeholder={t('organisations.chooseSchool')}
          hint={places.schools.length === 0 ? t('places.none') : undefined}
          onValueChange={(value) => form.set('schoolId', value)}
          error={faultText(faults.get('schoolId'))}
        />
      ) : null}
      {needs.schoolClass ? (
        <div className="field-row">
          <SelectField
            label={labels.grade}
            value={draft.grade}
            options={GRADES.map((grade) => ({ value: grade, label: grade }))}
            placeholder={t('roles.chooseGrade')}
            onValueChange={(value) => form.set('grade', value)}
            error={faultText(faults.get('grade'))}
          />
          <TextField
            label={labels.className}
            name="class-name"
            value={draft.className}
            onValueChange={(value) => form.set('className', value)}
            maxLength={40}
            autoComplete="off"
            error={faultText(faults.get('className'))}
          />
        </div>
      ) : null}
      {needs.schoolClass ? <p className="field-hint">{t('roles.classHint')}</p> : null}
      {needs.municipality ? (
        <SelectField
          label={labels.municipalityId}
          value={draft.municipalityId}
          options={places.municipalityOptions}
          placeholder={t('organisations.chooseMunicipality')}
          hint={places.municipalities.length === 0 ? t('places.none') : undefined}
          onValueChange={(value) => form.set('municipalityId', value)}
          error={faultText(faults.get('municipalityId'))}
        />
      ) : null}
      <button type="submit" className="button-primary admin-submit" disabled={action.busy}>
        {action.busy ? t('roles.adding') : t('roles.submit')}
      </button>
      <p role="status" className="admin-progress">
        {action.busy ? t('roles.adding') : ''}
      </p>
    </form>
  );
}
