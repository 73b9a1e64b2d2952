import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../storage/database.ts';
import { addMapGoal, changeMapGoal } from '../../storage/mapRepository.ts';
import type { MapGoalRow } from '../../storage/mapRecords.ts';
import { newRecordId } from '../../storage/recordWrites.ts';
import { showToast } from '../../state/toastStore.ts';
import { TextField } from '../../ui/TextField.tsx';
import { FormButtons } from './FormButtons.tsx';
import { FormProblems } from './FormProblems.tsx';
import { asMapWrite, useMapForm } from './useMapForm.ts';

interface GoalFormProps {
  planId: string;
  /** Where a new goal goes: after the last. */
  position: number;
  /** The goal being renamed; a new one when absent. */
  editing?: MapGoalRow;
  onClose: () => void;
}

/** A new goal at the end of the plan, or a goal's title changed. */
export function GoalForm({ planId, position, editing, onClose }: GoalFormProps) {
  const { t } = useTranslation('map');
  const titleId = useId();
  const [id] = useState(() => editing?.id ?? newRecordId());
  const form = useMapForm(() => ({ title: editing?.title ?? '' }));
  const code = form.errorOf('title');

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    // Read now: React lets go of the event once the handler awaits.
    const formElement = event.currentTarget;
    const { title } = form.draft;
    const saved = await form.save(formElement, async () =>
      asMapWrite(
        editing
          ? await changeMapGoal(db, id, { title })
          : await addMapGoal(db, { id, planId, title, position, removed: false }),
      ),
    );
    if (saved) {
      showToast(t(editing ? 'goal.saved' : 'goal.added'));
      onClose();
    }
  }

  return (
    <section className="map-panel" aria-labelledby={titleId}>
      <h3 id={titleId}>{t(editing ? 'goal.editTitle' : 'goal.addTitle')}</h3>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormProblems errors={form.errors} failure={form.failure} shown={['title']} />
        <TextField
          label={t('field.goalTitle')}
          value={form.draft.title}
          error={code === undefined ? undefined : t(`error.${code}`)}
          onValueChange={(value) => form.setField('title', value)}
        />
        <FormButtons isSaving={form.isSaving} onCancel={onClose} />
      </form>
    </section>
  );
}
