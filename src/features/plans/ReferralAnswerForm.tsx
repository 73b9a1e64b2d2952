import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../state/toastStore.ts';
import { authorName, useWorkerStore } from '../../state/workerStore.ts';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { useReferralAnswer } from './useReferralAnswer.ts';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';

/** Accept or decline a referral sent to this worker's side; the note is kept if the answer is refused. */
export function ReferralAnswerForm({ referralId }: { referralId: string }) {
  const { t } = useTranslation(['plans', 'casework', 'common']);
  const worker = useWorkerStore();
  const { problem, isSaving, answer, clearProblem } = useReferralAnswer(referralId, authorName(worker));
  const [note, setNote] = useState('');
  const boxRef = useRef<HTMLDivElement>(null);
  const problemText = problem
    ? t(
        problem === 'storageFull' || problem === 'generic'
          ? `common:errors.${problem}`
          : `casework:referralError.${problem}`,
      )
    : undefined;

  async function send(decision: 'accepted' | 'declined'): Promise<void> {
    if (await answer(decision, note)) showToast(t('answer.saved'));
    // A refused decline lands on the note it needs; the error is read with the field.
    else focusFirstInvalidNextFrame(boxRef.current);
  }

  return (
    <div className="referral-answer" ref={boxRef}>
      <TextAreaField
        label={t('answer.note')}
        hint={t('answer.noteHint')}
        rows={2}
        value={note}
        error={problem === 'declineNoteRequired' ? problemText : undefined}
        onValueChange={(value) => {
          setNote(value);
          if (problem === 'declineNoteRequired') clearProblem();
        }}
      />
      {problemText && problem !== 'declineNoteRequired' ? (
        <p className="field-error" role="alert">
          {problemText}
        </p>
      ) : null}
      <div className="plan-steps">
        <button
          type="button"
          className="button button-primary"
          disabled={isSaving}
          onClick={() => void send('accepted')}
        >
          {t('answer.accept')}
        </button>
        <button type="button" className="button" disabled={isSaving} onClick={() => void send('declined')}>
          {t('answer.decline')}
        </button>
      </div>
    </div>
  );
}
