import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../storage/database.ts';
import { changeMapPlan } from '../../storage/mapRepository.ts';
import type { MapPlanRow } from '../../storage/mapRecords.ts';
import { showToast } from '../../state/toastStore.ts';
import { TextField } from '../../ui/TextField.tsx';
import { FormButtons } from './FormButtons.tsx';
import { FormProblems } from './FormProblems.tsx';
import { asMapWrite, useMapForm } from './useMapForm.ts';

const SHOWN = ['title', 'periodStart', 'periodEnd'] as const;

/** The plan's title and period. */
export function PlanDetailsForm({ plan, onClose }: { plan: MapPlanRow; onClose: () => void }) {
  const { t } = useTranslation('map');
  const titleId = useId();
  const form = useMapForm(() => ({ title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd }));
  const { draft, setField, errorOf } = form;
  const message = (field: (typeof SHOWN)[number]) => {
    const code = errorOf(field);
    return code === undefined ? undefined : t(`error.${code}`);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    // Read now: React lets go of the event once the handler awaits.
    const formElement = event.currentTarget;
    if (await form.save(formElement, async () => asMapWrite(await changeMapPlan(db, plan.id, draft)))) {
      showToast(t('plan.saved'));
      onClose();
    }
  }

  return (
    <section className="map-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('plan.editTitle')}</h2>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormProblems errors={form.errors} failure={form.failure} shown={SHOWN} />
        <TextField
          label={t('field.title')}
          value={draft.title}
          error={message('title')}
          onValueChange={(value) => setField('title', value)}
        />
        <div className="map-dates">
          <TextField
            label={t('field.periodStart')}
            type="date"
            value={draft.periodStart}
            error={message('periodStart')}
            onValueChange={(value) => setField('periodStart', value)}
          />
          <TextField
            label={t('field.periodEnd')}
            type="date"
            value={draft.periodEnd}
            error={message('periodEnd')}
            onValueChange={(value) => setField('periodEnd', value)}
          />
        </div>
        <FormButtons isSaving={form.isSaving} onCancel={onClose} />
      </form>
    </section>
  );
}
