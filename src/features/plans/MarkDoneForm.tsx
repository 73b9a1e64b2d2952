import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_ACTION_OUTCOMES, type PlanActionOutcome } from '../../domain/planAction.ts';
import { ChoiceField } from '../../ui/ChoiceField.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';

interface MarkDoneFormProps {
  /** The translated reason a save was refused that belongs to the outcome, if any. */
  outcomeError: string | undefined;
  isSaving: boolean;
  onSave: (finish: { outcome?: PlanActionOutcome; outcomeNote: string }) => void;
  onClose: () => void;
}

function isOutcome(value: string): value is PlanActionOutcome {
  return (PLAN_ACTION_OUTCOMES as readonly string[]).includes(value);
}

/** Asks what came of an action before it is marked done; the domain refuses "done" without an outcome. */
export function MarkDoneForm({ outcomeError, isSaving, onSave, onClose }: MarkDoneFormProps) {
  const { t } = useTranslation(['plans', 'casework', 'common']);
  const name = useId();
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onSave({ ...(isOutcome(outcome) ? { outcome } : {}), outcomeNote: note });
  }

  return (
    <form className="mark-done" noValidate onSubmit={onSubmit}>
      <ChoiceField
        label={t('casework:planActionField.outcome')}
        name={name}
        value={outcome}
        error={outcomeError}
        options={PLAN_ACTION_OUTCOMES.map((value) => ({ value, label: t(`casework:planActionOutcome.${value}`) }))}
        onValueChange={setOutcome}
      />
      <TextAreaField
        label={t('casework:planActionField.outcomeNote')}
        hint={t('card.optional')}
        rows={2}
        value={note}
        onValueChange={setNote}
      />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common:actions.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={isSaving}>
          {isSaving ? t('common:actions.saving') : t('step.done')}
        </button>
      </div>
    </form>
  );
}
