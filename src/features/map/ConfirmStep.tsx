import { useTranslation } from 'react-i18next';

interface ConfirmStepProps {
  question: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A second tap before something leaves the plan or the plan leaves its adopted state. */
export function ConfirmStep({ question, confirmLabel, busy, onConfirm, onCancel }: ConfirmStepProps) {
  const { t } = useTranslation(['map', 'common']);
  return (
    <div className="map-confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
        <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}
