import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../domain/dueDates.ts';
import { TextField } from '../../ui/TextField.tsx';
import { NEXT_VISIT_SHORTCUTS, nextVisitFrom } from './visitFormFields.ts';

interface NextVisitFieldProps {
  visitDate: string;
  value: string | null;
  onValueChange: (value: string | null) => void;
  error?: string | undefined;
}

/** The next visit's date, with one-tap shortcuts counted from this visit so no calendar has to be opened. */
export function NextVisitField({ visitDate, value, onValueChange, error }: NextVisitFieldProps) {
  const { t } = useTranslation(['visits', 'casework']);
  const today = localIsoDate(new Date());
  return (
    <div data-field="nextVisitDate">
      <TextField
        label={t('casework:visitField.nextVisitDate')}
        type="date"
        value={value ?? ''}
        error={error}
        onValueChange={(next) => onValueChange(next === '' ? null : next)}
      />
      <div className="visit-shortcuts" role="group" aria-label={t('visits:nextVisitShortcuts')}>
        {NEXT_VISIT_SHORTCUTS.map((shortcut) => {
          const date = nextVisitFrom(visitDate, shortcut, today);
          return (
            <button
              key={shortcut}
              type="button"
              className="visit-chip"
              aria-pressed={value === date}
              onClick={() => onValueChange(date)}
            >
              {t(`visits:shortcut.${shortcut}`)}
            </button>
          );
        })}
      </div>
    </div>
  );
}
