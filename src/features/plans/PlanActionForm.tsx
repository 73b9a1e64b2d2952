import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../domain/dueDates.ts';
import { ORGANISATION_TYPES, type PlanAction } from '../../domain/planAction.ts';
import type { ProtocolProfile } from '../../domain/protocolProfile.ts';
import { showToast } from '../../state/toastStore.ts';
import { authorName, useWorkerStore } from '../../state/workerStore.ts';
import { ChoiceField } from '../../ui/ChoiceField.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { InterventionSelect } from './InterventionSelect.tsx';
import {
  draftFromAction,
  DUE_DATE_SHORTCUTS,
  dueDateFor,
  emptyPlanActionDraft,
  type PlanActionFormField,
} from './planActionDraft.ts';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { usePlanActionForm } from './usePlanActionForm.ts';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';

interface PlanActionFormProps {
  caseId: string;
  profile: ProtocolProfile;
  /** The action being edited; a new one when absent. */
  editing?: PlanAction | undefined;
  onClose: () => void;
}

/** Adds an action to the plan, or edits an open one, in a panel above the list. */
export function PlanActionForm({ caseId, profile, editing, onClose }: PlanActionFormProps) {
  const { t } = useTranslation(['plans', 'casework', 'common']);
  const worker = useWorkerStore();
  const titleId = useId();
  const [setup] = useState(() => ({
    caseId,
    profile,
    initial: editing ? draftFromAction(editing) : emptyPlanActionDraft(worker.name.trim()),
    fallbackResponsible: editing?.responsible ?? { kind: 'person' as const, name: authorName(worker) },
    ...(editing ? { editing } : {}),
  }));
  const { draft, errors, isSaving, setField, save } = usePlanActionForm(setup);
  const [summary, setSummary] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);

  const errorFor = (field: PlanActionFormField): string | undefined => {
    const code = errors[field];
    return code ? t(`casework:planActionError.${code}`) : undefined;
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const outcome = await save();
    if (outcome.status === 'saved') {
      showToast(t(editing ? 'plan.updated' : 'plan.added'));
      onClose();
    } else if (outcome.status === 'invalid') {
      const fields = outcome.fields.map((field) => t(`casework:planActionField.${field}`)).join(', ');
      setSummary(t('form.fixErrors', { count: outcome.fields.length, fields }));
      // Move focus to the first wrong field, so a screen reader and a thumb both land there.
      focusFirstInvalidNextFrame(formRef.current);
    } else if (outcome.code !== 'busy') {
      setSummary(t(`common:errors.${outcome.code}`));
    }
  }

  return (
    <section className="plan-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{editing ? t('plan.editTitle') : t('plan.newTitle')}</h2>
      <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)}>
        {summary ? (
          <p className="form-summary" role="alert">
            {summary}
          </p>
        ) : null}
        <InterventionSelect
          profile={profile}
          value={draft.interventionType}
          error={errorFor('interventionType')}
          onValueChange={(value) => setField('interventionType', value)}
        />
        <TextAreaField
          label={t('casework:planActionField.description')}
          value={draft.description}
          error={errorFor('description')}
          onValueChange={(value) => setField('description', value)}
        />
        <ChoiceField
          label={t('casework:planActionField.responsible')}
          name={`${titleId}-responsible`}
          value={draft.responsibleKind}
          options={[
            { value: 'person', label: t('form.person') },
            { value: 'organisation', label: t('form.organisation') },
          ]}
          onValueChange={(value) => setField('responsibleKind', value === 'organisation' ? 'organisation' : 'person')}
        />
        {draft.responsibleKind === 'person' ? (
          <TextField
            label={t('form.personName')}
            hint={editing ? undefined : t('form.personHint')}
            value={draft.personName}
            error={errorFor('responsible')}
            onValueChange={(value) => setField('personName', value)}
            autoComplete="off"
            autoCapitalize="words"
          />
        ) : (
          <>
            <SelectField
              label={t('form.organisationType')}
              value={draft.organisationType}
              placeholder={t('form.choose')}
              error={draft.organisationType === '' ? errorFor('responsible') : undefined}
              options={ORGANISATION_TYPES.map((type) => ({
                value: type,
                label: t(`casework:organisationType.${type}`),
              }))}
              onValueChange={(value) => setField('organisationType', value)}
            />
            <TextField
              label={t('form.organisationName')}
              value={draft.organisationName}
              error={draft.organisationType === '' ? undefined : errorFor('responsible')}
              onValueChange={(value) => setField('organisationName', value)}
              autoComplete="off"
            />
          </>
        )}
        <div className="due-shortcuts" role="group" aria-label={t('form.dueShortcuts')}>
          {DUE_DATE_SHORTCUTS.map((shortcut) => (
            <button
              key={shortcut}
              type="button"
              className="chip"
              onClick={() => setField('dueDate', dueDateFor(shortcut, localIsoDate(new Date())))}
            >
              {t(`form.${shortcut}`)}
            </button>
          ))}
        </div>
        <TextField
          label={t('casework:planActionField.dueDate')}
          type="date"
          value={draft.dueDate}
          error={errorFor('dueDate')}
          onValueChange={(value) => setField('dueDate', value)}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={isSaving}>
            {isSaving ? t('common:actions.saving') : t('common:actions.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
