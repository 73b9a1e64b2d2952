import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_AGREED_ACTIONS, type AgreedAction, type VisitError } from '../../domain/homeVisit.ts';
import { TextField } from '../../ui/TextField.tsx';

interface AgreedActionsFieldProps {
  actions: readonly AgreedAction[];
  visitDate: string;
  onActionsChange: (actions: AgreedAction[]) => void;
  error?: VisitError | undefined;
}

/** Which input of a row the list's one error code points at, so the user sees the row to fix. */
function rowErrors(action: AgreedAction, error: VisitError | undefined, visitDate: string) {
  const blank = action.what.trim() === '' && action.who.trim() === '' && action.byDate === null;
  return {
    what: error === 'required' && !blank && action.what.trim() === '' ? error : undefined,
    byDate:
      error === 'actionDateBeforeVisit' && action.byDate !== null && action.byDate < visitDate ? error : undefined,
  };
}

/** A short list of what was agreed at the door: what, who, by when. */
export function AgreedActionsField({ actions, visitDate, onActionsChange, error }: AgreedActionsFieldProps) {
  const { t } = useTranslation(['visits', 'casework']);
  const id = useId();
  const perRow = actions.map((action) => rowErrors(action, error, visitDate));
  const shownInRows = perRow.some((row) => row.what ?? row.byDate);
  const groupError = error && !shownInRows ? t(`casework:visitError.${error}`) : undefined;
  const change = (index: number, patch: Partial<AgreedAction>) =>
    onActionsChange(actions.map((action, at) => (at === index ? { ...action, ...patch } : action)));

  return (
    <fieldset
      className="field visit-actions"
      data-field="agreedActions"
      aria-describedby={groupError ? `${id}-error` : undefined}
    >
      <legend>{t('casework:visitField.agreedActions')}</legend>
      {actions.map((action, index) => {
        const rowError = perRow[index];
        return (
          <fieldset key={index} className="visit-action">
            <legend>{t('visits:action.number', { number: index + 1 })}</legend>
            <TextField
              label={t('visits:action.what')}
              value={action.what}
              error={rowError?.what ? t(`casework:visitError.${rowError.what}`) : undefined}
              onValueChange={(what) => change(index, { what })}
            />
            <div className="field-row">
              <TextField
                label={t('visits:action.who')}
                value={action.who}
                onValueChange={(who) => change(index, { who })}
              />
              <TextField
                label={t('visits:action.byDate')}
                type="date"
                value={action.byDate ?? ''}
                error={rowError?.byDate ? t(`casework:visitError.${rowError.byDate}`) : undefined}
                onValueChange={(byDate) => change(index, { byDate: byDate === '' ? null : byDate })}
              />
            </div>
            <button type="button" onClick={() => onActionsChange(actions.filter((_, at) => at !== index))}>
              {t('visits:action.remove', { number: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        disabled={actions.length >= MAX_AGREED_ACTIONS}
        onClick={() => onActionsChange([...actions, { what: '', who: '', byDate: null }])}
      >
        {t('visits:action.add')}
      </button>
      {groupError ? (
        <p id={`${id}-error`} className="field-error">
          {groupError}
        </p>
      ) : null}
    </fieldset>
  );
}
