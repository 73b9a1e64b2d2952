import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATOR_SOURCES, INDICATOR_UNITS } from '../../domain/map/mapRecords.ts';
import { db } from '../../storage/database.ts';
import { addMapActivity, changeMapActivity } from '../../storage/mapRepository.ts';
import type { MapActivityRow } from '../../storage/mapRecords.ts';
import { newRecordId } from '../../storage/recordWrites.ts';
import { showToast } from '../../state/toastStore.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import {
  ACTIVITY_FIELDS,
  draftFromActivity,
  emptyActivityDraft,
  fieldsFromDraft,
  isAutomatic,
  unitOf,
} from './activityDraft.ts';
import { FormButtons } from './FormButtons.tsx';
import { FormProblems } from './FormProblems.tsx';
import { formatBudget, parseAmount } from './mapFormat.ts';
import { asMapWrite, useMapForm } from './useMapForm.ts';

interface ActivityFormProps {
  planId: string;
  goalId: string;
  currency: 'EUR' | 'RSD';
  /** The activity being edited; a new one when absent. */
  editing?: MapActivityRow;
  onClose: () => void;
}

/** An activity of a goal: who carries it, when, its budget and its indicator with baseline and target. */
export function ActivityForm({ planId, goalId, currency, editing, onClose }: ActivityFormProps) {
  const { t, i18n } = useTranslation('map');
  const titleId = useId();
  const [id] = useState(() => editing?.id ?? newRecordId());
  const form = useMapForm(() => (editing ? draftFromActivity(editing) : emptyActivityDraft()));
  const { draft, setField, errorOf } = form;
  const message = (field: (typeof ACTIVITY_FIELDS)[number]) => {
    const code = errorOf(field);
    return code === undefined ? undefined : t(`error.${code}`);
  };
  const text = (field: 'title' | 'responsible' | 'indicator', label: string) => (
    <TextField label={label} value={draft[field]} error={message(field)} onValueChange={(v) => setField(field, v)} />
  );
  const amount = (field: 'budget' | 'baseline' | 'target', label: string, hint?: string) => (
    <TextField
      label={label}
      hint={hint}
      inputMode="decimal"
      value={draft[field]}
      error={message(field)}
      onValueChange={(value) => setField(field, value)}
    />
  );
  const budget = parseAmount(draft.budget);
  const unit = unitOf(draft);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    // Read now: React lets go of the event once the handler awaits.
    const formElement = event.currentTarget;
    const fields = fieldsFromDraft(draft, planId, goalId);
    const saved = await form.save(formElement, async () =>
      asMapWrite(editing ? await changeMapActivity(db, id, fields) : await addMapActivity(db, { id, ...fields })),
    );
    if (saved) {
      showToast(t(editing ? 'activity.saved' : 'activity.added'));
      onClose();
    }
  }

  return (
    <section className="map-panel" aria-labelledby={titleId}>
      <h4 id={titleId}>{t(editing ? 'activity.editTitle' : 'activity.addTitle')}</h4>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormProblems errors={form.errors} failure={form.failure} shown={ACTIVITY_FIELDS} />
        {text('title', t('field.activityTitle'))}
        {text('responsible', t('field.responsible'))}
        <div className="map-dates">
          <TextField
            label={t('field.startDate')}
            type="date"
            value={draft.startDate}
            error={message('startDate')}
            onValueChange={(value) => setField('startDate', value)}
          />
          <TextField
            label={t('field.endDate')}
            type="date"
            value={draft.endDate}
            error={message('endDate')}
            onValueChange={(value) => setField('endDate', value)}
          />
        </div>
        {amount(
          'budget',
          t('field.budget', { currency }),
          budget === null || Number.isNaN(budget) ? undefined : formatBudget(budget, currency, i18n.language),
        )}
        {text('indicator', t('field.indicator'))}
        <SelectField
          label={t('field.indicatorSource')}
          value={draft.indicatorSource}
          placeholder={t('field.choose')}
          options={INDICATOR_SOURCES.map((source) => ({ value: source, label: t(`source.${source}`) }))}
          error={message('indicatorSource')}
          onValueChange={(value) => setField('indicatorSource', value)}
        />
        {isAutomatic(draft.indicatorSource) ? (
          <p className="map-fixed-unit">
            {t('unitFixed', { unit: t(`unit.${unit === 'percent' ? 'percent' : 'count'}`) })}
          </p>
        ) : (
          <SelectField
            label={t('field.unit')}
            value={draft.unit}
            placeholder={t('field.choose')}
            options={INDICATOR_UNITS.map((choice) => ({ value: choice, label: t(`unit.${choice}`) }))}
            error={message('unit')}
            onValueChange={(value) => setField('unit', value)}
          />
        )}
        <div className="map-dates">
          {amount('baseline', t('field.baseline'))}
          {amount('target', t('field.target'))}
        </div>
        <FormButtons isSaving={form.isSaving} onCancel={onClose} />
      </form>
    </section>
  );
}
