import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../domain/dueDates.ts';
import { db } from '../../storage/database.ts';
import { changeMapPlan } from '../../storage/mapRepository.ts';
import type { MapPlanRow } from '../../storage/mapRecords.ts';
import { showToast } from '../../state/toastStore.ts';
import { TextField } from '../../ui/TextField.tsx';
import { FormButtons } from './FormButtons.tsx';
import { FormProblems } from './FormProblems.tsx';
import { asMapWrite, useMapForm } from './useMapForm.ts';

const SHOWN = ['actReference', 'adoptedOn'] as const;

/** The municipal assembly adopted the plan: the act's reference and date make it a municipal act. */
export function AdoptionForm({ plan, onClose }: { plan: MapPlanRow; onClose: () => void }) {
  const { t } = useTranslation('map');
  const titleId = useId();
  const form = useMapForm(() => ({ actReference: plan.actReference, adoptedOn: localIsoDate(new Date()) }));
  const { draft, setField, errorOf } = form;
  const message = (field: (typeof SHOWN)[number]) => {
    const code = errorOf(field);
    return code === undefined ? undefined : t(`error.${code}`);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    // Read now: React lets go of the event once the handler awaits.
    const formElement = event.currentTarget;
    const saved = await form.save(formElement, async () =>
      asMapWrite(
        await changeMapPlan(db, plan.id, {
          status: 'adopted',
          actReference: draft.actReference,
          // An empty date is a missing one: the plan then says the adoption needs it.
          adoptedOn: draft.adoptedOn === '' ? null : draft.adoptedOn,
        }),
      ),
    );
    if (saved) {
      showToast(t('plan.adopted'));
      onClose();
    }
  }

  return (
    <section className="map-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('plan.adoptTitle')}</h2>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormProblems errors={form.errors} failure={form.failure} shown={SHOWN} />
        <TextField
          label={t('field.actReference')}
          hint={t('hint.actReference')}
          value={draft.actReference}
          error={message('actReference')}
          onValueChange={(value) => setField('actReference', value)}
        />
        <TextField
          label={t('field.adoptedOn')}
          type="date"
          value={draft.adoptedOn}
          error={message('adoptedOn')}
          onValueChange={(value) => setField('adoptedOn', value)}
        />
        <FormButtons isSaving={form.isSaving} onCancel={onClose} />
      </form>
    </section>
  );
}
