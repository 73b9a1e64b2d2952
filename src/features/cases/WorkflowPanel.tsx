import { useEffect, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLOWED_TRANSITIONS, transitionAction } from '../../domain/caseWorkflow.ts';
import { localIsoDate } from '../../domain/dueDates.ts';
import type { ProtocolProfile } from '../../domain/protocolProfile.ts';
import type { CaseRights } from '../../domain/writeRights.ts';
import { showToast } from '../../state/toastStore.ts';
import type { CaseRow } from '../../storage/caseworkRecords.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { fieldsOf, useWorkflowStep, type StepError, type StepField, type WorkflowStep } from './useWorkflowStep.ts';

function stepKey(step: WorkflowStep): string {
  return step.kind === 'transition' ? `to:${step.to}` : step.kind;
}

interface WorkflowPanelProps {
  record: CaseRow;
  profile: ProtocolProfile;
  /** Which steps the signed-in role may take: moving on needs `moveOn`, a review or a new manager `changeCase`. */
  rights: Pick<CaseRights, 'moveOn' | 'changeCase'>;
}

/** The next steps the workflow allows from the current status, each with the fields it needs. */
export function WorkflowPanel({ record, profile, rights }: WorkflowPanelProps) {
  const { t } = useTranslation(['cases', 'casework', 'common']);
  const form = useWorkflowStep(record, profile);
  const formRef = useRef<HTMLFormElement>(null);
  const { status } = record;

  const steps: WorkflowStep[] = rights.moveOn
    ? ALLOWED_TRANSITIONS[status].map((to) => ({ kind: 'transition', to }))
    : [];
  if (rights.changeCase && (status === 'planActive' || status === 'monitoring')) steps.push({ kind: 'review' });
  if (rights.changeCase && record.caseManagerId !== null && status !== 'flagged' && status !== 'closed') {
    steps.push({ kind: 'manager' });
  }

  const stepLabel = (step: WorkflowStep): string => {
    if (step.kind === 'review') return t('workflow.recordReview');
    if (step.kind === 'manager') return t('workflow.changeManager');
    return t(`casework:action.${transitionAction(status, step.to) ?? 'open'}`);
  };
  const fieldLabel = (field: StepField): string =>
    field === 'date' ? t('workflow.date') : t(`casework:caseField.${field}`);
  const errorText = (error: StepError): string =>
    error.code === 'storageFull' || error.code === 'generic'
      ? t(`common:errors.${error.code}`)
      : t(`casework:transitionError.${error.code}`);
  const fieldError = (field: StepField): string | undefined =>
    form.error?.field === field ? errorText(form.error) : undefined;

  const chosen = form.step === null ? null : stepKey(form.step);
  const errorField = form.error?.field ?? null;
  useEffect(() => {
    // Take the user to the first field of the chosen step, or to the field a refusal names.
    const target = errorField ?? (form.step === null ? null : fieldsOf(form.step)[0]);
    if (target) formRef.current?.querySelector<HTMLElement>(`[name="${target}"]`)?.focus();
  }, [chosen, errorField, form.step]);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const outcome = await form.save();
    if (outcome.status !== 'saved') return;
    const { step } = outcome;
    if (step.kind === 'transition') showToast(t('workflow.saved', { status: t(`casework:status.${step.to}`) }));
    else showToast(t(step.kind === 'review' ? 'workflow.reviewSaved' : 'workflow.managerSaved'));
  }

  const fields = form.step === null ? [] : fieldsOf(form.step);
  return (
    <section className="case-panel" aria-labelledby="workflow-title">
      <h2 id="workflow-title">{t('workflow.title')}</h2>
      <div className="case-steps">
        {steps.map((step) => (
          <button
            key={stepKey(step)}
            type="button"
            className={chosen === stepKey(step) ? 'button-primary' : undefined}
            aria-pressed={chosen === stepKey(step)}
            onClick={() => form.choose(step)}
          >
            {stepLabel(step)}
          </button>
        ))}
      </div>
      {form.step === null ? null : (
        <form ref={formRef} noValidate aria-labelledby="workflow-step-title" onSubmit={(event) => void submit(event)}>
          <h3 id="workflow-step-title">{stepLabel(form.step)}</h3>
          {form.error ? (
            <p className="form-summary" role="alert">
              {form.error.field === null
                ? errorText(form.error)
                : t('workflow.fieldError', { field: fieldLabel(form.error.field), message: errorText(form.error) })}
            </p>
          ) : null}
          {fields.includes('caseManager') ? (
            <TextField
              name="caseManager"
              label={t('casework:caseField.caseManager')}
              hint={t('workflow.caseManagerHint')}
              value={form.values.caseManager}
              onValueChange={form.setters.caseManager}
              error={fieldError('caseManager')}
              autoComplete="name"
            />
          ) : null}
          {fields.includes('closureReason') ? (
            <SelectField
              name="closureReason"
              label={t('casework:caseField.closureReason')}
              placeholder={t('workflow.chooseReason')}
              value={form.values.closureReason}
              options={profile.closureReasons.map((reason) => ({
                value: reason,
                label: t(`casework:closureReason.${reason}`),
              }))}
              onValueChange={form.setters.closureReason}
              error={fieldError('closureReason')}
            />
          ) : null}
          {fields.includes('date') ? (
            <TextField
              name="date"
              type="date"
              label={t('workflow.date')}
              hint={t('workflow.dateHint')}
              max={localIsoDate(new Date())}
              value={form.values.date}
              onValueChange={form.setters.date}
              error={fieldError('date')}
            />
          ) : null}
          <div className="form-actions">
            <button type="button" onClick={() => form.choose(null)}>
              {t('common:actions.cancel')}
            </button>
            <button type="submit" className="button-primary" disabled={form.isSaving}>
              {form.isSaving ? t('common:actions.saving') : t('common:actions.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
