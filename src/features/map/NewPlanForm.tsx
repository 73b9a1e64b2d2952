import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../storage/database.ts';
import { addMapPlan } from '../../storage/mapRepository.ts';
import { newRecordId } from '../../storage/recordWrites.ts';
import { showToast } from '../../state/toastStore.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { FormProblems } from './FormProblems.tsx';
import { FormButtons } from './FormButtons.tsx';
import type { MapMunicipality } from './useMapMunicipalities.ts';
import { asMapWrite, useMapForm } from './useMapForm.ts';

const SHOWN = ['title', 'municipalityId', 'periodStart', 'periodEnd'] as const;

/** A new draft plan for one of the coordinator's municipalities; saved, it opens. */
export function NewPlanForm({ municipalities, onCancel }: { municipalities: MapMunicipality[]; onCancel: () => void }) {
  const { t } = useTranslation(['map', 'common']);
  const titleId = useId();
  // Made when the form opens: a second tap on save finds the plan already stored.
  const [id] = useState(newRecordId);
  const form = useMapForm(() => ({
    title: '',
    municipalityId: municipalities.length === 1 ? (municipalities[0]?.id ?? '') : '',
    periodStart: '',
    periodEnd: '',
  }));
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
      asMapWrite(await addMapPlan(db, { id, ...draft, status: 'draft', actReference: '', adoptedOn: null })),
    );
    if (saved) {
      showToast(t('plan.created'));
      window.location.hash = `#/map/${id}`;
    }
  }

  return (
    <section className="map-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('plan.newTitle')}</h2>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormProblems errors={form.errors} failure={form.failure} shown={SHOWN} />
        <TextField
          label={t('field.title')}
          value={draft.title}
          error={message('title')}
          onValueChange={(value) => setField('title', value)}
        />
        {municipalities.length > 1 ? (
          <SelectField
            label={t('field.municipality')}
            value={draft.municipalityId}
            placeholder={t('field.choose')}
            options={municipalities.map((municipality) => ({
              value: municipality.id,
              label: municipality.name ?? t('place.notOnPhone'),
            }))}
            error={message('municipalityId')}
            onValueChange={(value) => setField('municipalityId', value)}
          />
        ) : null}
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
        <FormButtons isSaving={form.isSaving} onCancel={onCancel} />
      </form>
    </section>
  );
}
