import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmPanelProps {
  question: string;
  /** What happens if the administrator says yes, in plain words. */
  consequence?: ReactNode;
  confirmLabel: string;
  busy: boolean;
  busyLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A second, explicit yes before a change a person on a phone will feel; cancel is as easy as confirm. */
export function ConfirmPanel(props: ConfirmPanelProps) {
  const { question, consequence, confirmLabel, busy, busyLabel, onConfirm, onCancel } = props;
  const { t } = useTranslation('common');
  const id = useId();
  return (
    <div className="admin-confirm" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`} className="admin-confirm-question">
        {question}
      </p>
      {consequence ? <div className="admin-confirm-consequence">{consequence}</div> : null}
      <div className="admin-actions">
        <button type="button" className="admin-danger" onClick={onConfirm} disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('actions.cancel')}
        </button>
      </div>
    </div>
  );
}
