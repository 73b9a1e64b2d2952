import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../domain/dueDates.ts';
import { automaticValue } from '../../domain/map/mapIndicators.ts';
import { quarterOf, quartersBetween, type Quarter } from '../../domain/map/mapRecords.ts';
import { db } from '../../storage/database.ts';
import { addMapProgress, changeMapProgress } from '../../storage/mapRepository.ts';
import type { MapActivityRow, MapProgressRow } from '../../storage/mapRecords.ts';
import { newRecordId } from '../../storage/recordWrites.ts';
import { showToast } from '../../state/toastStore.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { FormButtons } from './FormButtons.tsx';
import { FormProblems } from './FormProblems.tsx';
import type { PlanContext } from './GoalSection.tsx';
import { amountText, parseAmount } from './mapFormat.ts';
import { defaultQuarter, entryFor } from './progressEntries.ts';
import { asMapWrite, useMapForm } from './useMapForm.ts';
import { useQuarterLabel } from './useQuarterLabel.ts';

const SHOWN = ['period', 'value', 'narrative'] as const;

interface ProgressFormProps {
  activity: MapActivityRow;
  entries: MapProgressRow[];
  context: PlanContext;
  onClose: () => void;
}

/**
 * A quarter's report on an activity: its indicator's value and what was done.
 * One report per activity and quarter: choosing a quarter already reported
 * opens that report, and saving changes it rather than adding a second.
 */
export function ProgressForm({ activity, entries, context, onClose }: ProgressFormProps) {
  const { t } = useTranslation('map');
  const titleId = useId();
  const quarterLabel = useQuarterLabel();
  const { plan, figures, recordedBy } = context;
  const quarters = quartersBetween(plan.periodStart, plan.periodEnd);
  // Made when the form opens: a second tap on save finds the report already stored.
  const [newId] = useState(newRecordId);
  const prefill =
    activity.indicatorSource === 'manual' ? null : automaticValue(activity.indicatorSource, figures?.figures);
  const draftFor = (period: Quarter) => {
    const existing = entryFor(entries, period);
    return existing
      ? { period, value: amountText(existing.value), narrative: existing.narrative }
      : { period, value: amountText(prefill), narrative: '' };
  };
  const form = useMapForm(() => draftFor(defaultQuarter(quarters, quarterOf(localIsoDate(new Date())))));
  const { draft, errorOf } = form;
  const existing = entryFor(entries, draft.period);
  const message = (field: (typeof SHOWN)[number]) => {
    const code = errorOf(field);
    return code === undefined ? undefined : t(`error.${code}`);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    // Read now: React lets go of the event once the handler awaits.
    const formElement = event.currentTarget;
    const written = { value: parseAmount(draft.value), narrative: draft.narrative, recordedBy };
    const saved = await form.save(formElement, async () => {
      // The domain checks a percentage's baseline and target; a reported share over 100 is as wrong.
      if (activity.unit === 'percent' && (written.value ?? 0) > 100) {
        return { ok: false, errors: { value: 'invalidNumber' } };
      }
      const recordedAt = new Date().toISOString();
      return asMapWrite(
        existing
          ? await changeMapProgress(db, existing.id, { ...written, recordedAt })
          : await addMapProgress(db, {
              id: newId,
              planId: plan.id,
              activityId: activity.id,
              period: draft.period,
              ...written,
              recordedAt,
            }),
      );
    });
    if (saved) {
      showToast(t(existing ? 'progress.changed' : 'progress.added'));
      onClose();
    }
  }

  return (
    <section className="map-panel" aria-labelledby={titleId}>
      <h5 id={titleId}>{t('progress.title', { activity: activity.title })}</h5>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormProblems errors={form.errors} failure={form.failure} shown={SHOWN} />
        <SelectField
          label={t('field.period')}
          value={draft.period}
          placeholder={t('field.choose')}
          options={quarters.map((quarter) => ({ value: quarter, label: quarterLabel(quarter) }))}
          hint={existing ? t('progress.editing') : undefined}
          error={message('period')}
          onValueChange={(period) => form.setDraft(draftFor(period))}
        />
        <TextField
          label={t('field.value', { unit: t(`unit.${activity.unit}`) })}
          hint={prefill !== null && !existing ? t('progress.prefilled') : undefined}
          inputMode="decimal"
          value={draft.value}
          error={message('value')}
          onValueChange={(value) => form.setField('value', value)}
        />
        <TextAreaField
          label={t('field.narrative')}
          rows={4}
          value={draft.narrative}
          error={message('narrative')}
          onValueChange={(value) => form.setField('narrative', value)}
        />
        <FormButtons isSaving={form.isSaving} onCancel={onClose} />
      </form>
    </section>
  );
}
