import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../ui/ChoiceField.tsx';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { AdminProblemAlert } from './AdminProblemAlert.tsx';
import { ORGANISATION_KINDS, type Organisation } from './adminTypes.ts';
import { placeOfKind, useOrganisationForm, type OrganisationField } from './organisationForm.ts';
import { useFaultText } from './useFaultText.ts';
import type { Places } from './usePlaces.ts';

interface OrganisationFormProps {
  places: Places;
  onCreated: (organisation: Organisation) => void;
  onCancel: () => void;
}

/** Adding an organisation: its kind, its name, and the school or municipality the kind is tied to. */
export function OrganisationForm({ places, onCreated, onCancel }: OrganisationFormProps) {
  const { t } = useTranslation(['admin', 'common']);
  const faultText = useFaultText();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useOrganisationForm(places);
  const { draft, faults, action } = form;
  const place = placeOfKind(draft.kind);
  const labels: Record<OrganisationField, string> = {
    kind: t('organisations.kind'),
    name: t('organisations.name'),
    schoolId: t('organisations.school'),
    municipalityId: t('organisations.municipality'),
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const outcome = await form.submit();
    if (typeof outcome === 'object') onCreated(outcome);
    else if (outcome !== undefined) focusFirstInvalidNextFrame(formRef.current);
  }

  return (
    <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="admin-org-form-title">
      <h2 id="admin-org-form-title">{t('organisations.add')}</h2>
      {action.problem ? (
        <AdminProblemAlert
          problem={action.problem}
          fieldLabels={labels}
          words={{ forbidden: t('problem.adminOnly') }}
        />
      ) : null}
      <ChoiceField
        label={labels.kind}
        name="organisation-kind"
        value={draft.kind}
        options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
        onValueChange={(value) => form.set('kind', value)}
        error={faultText(faults.get('kind'))}
      />
      {place === 'school' ? (
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
      {place === 'municipality' || place === 'optionalMunicipality' ? (
        <SelectField
          label={place === 'municipality' ? labels.municipalityId : t('organisations.municipalityOptional')}
          value={draft.municipalityId}
          options={places.municipalityOptions}
          placeholder={t('organisations.chooseMunicipality')}
          hint={places.municipalities.length === 0 ? t('places.none') : undefined}
          onValueChange={(value) => form.set('municipalityId', value)}
          error={faultText(faults.get('municipalityId'))}
        />
      ) : null}
      <TextField
        label={labels.name}
        name="organisation-name"
        value={draft.name}
        onValueChange={(value) => form.set('name', value)}
        maxLength={200}
        autoComplete="off"
        error={faultText(faults.get('name'))}
      />
      <div className="admin-actions">
        <button type="submit" className="button-primary" disabled={action.busy}>
          {action.busy ? t('organisations.adding') : t('organisations.submit')}
        </button>
        <button type="button" onClick={onCancel} disabled={action.busy}>
          {t('common:actions.cancel')}
        </button>
      </div>
      <p role="status" className="admin-progress">
        {action.busy ? t('organisations.adding') : ''}
      </p>
    </form>
  );
}
