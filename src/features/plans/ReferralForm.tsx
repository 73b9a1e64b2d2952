import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../domain/caseRecord.ts';
import { ALLOWED_REFERRALS, REFERRAL_REASONS, type ReferralSender } from '../../domain/referral.ts';
import { showToast } from '../../state/toastStore.ts';
import { ChoiceField } from '../../ui/ChoiceField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { useReferralForm, type ReferralFormField } from './useReferralForm.ts';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';

interface ReferralFormProps {
  record: Pick<CaseRecord, 'id' | 'status'>;
  sender: ReferralSender;
  fromUserId: string;
}

/** Hands the case over, or refers it, to the targets the worker's role allows (referral.ts). */
export function ReferralForm({ record, sender, fromUserId }: ReferralFormProps) {
  const { t } = useTranslation(['plans', 'casework', 'common']);
  const { draft, errors, isSaving, setField, save } = useReferralForm(record, sender, fromUserId);
  const [summary, setSummary] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  const targets = ALLOWED_REFERRALS[sender];
  const [onlyTarget] = targets.length === 1 ? targets : [];

  const errorFor = (field: ReferralFormField): string | undefined => {
    const code = errors[field];
    return code ? t(`casework:referralError.${code}`) : undefined;
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const outcome = await save();
    if (outcome.status === 'saved') {
      setSummary(undefined);
      showToast(t('referral.saved'));
    } else if (outcome.status === 'invalid') {
      setSummary(t('referral.fixErrors', { count: outcome.fields.length }));
      // Move focus to the first wrong field, so a screen reader and a thumb both land there.
      focusFirstInvalidNextFrame(formRef.current);
    } else if (outcome.code === 'storageFull' || outcome.code === 'generic') {
      setSummary(t(`common:errors.${outcome.code}`));
    } else if (outcome.code !== 'busy') {
      setSummary(t(`casework:referralError.${outcome.code}`));
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)}>
      {summary ? (
        <p className="form-summary" role="alert">
          {summary}
        </p>
      ) : null}
      {onlyTarget ? (
        <p className="referral-target">
          {t('referral.handoverTo', { target: t(`casework:referralTarget.${onlyTarget}`) })}
        </p>
      ) : (
        <ChoiceField
          label={t('referral.to')}
          name="referral-to"
          value={draft.to}
          error={errorFor('to')}
          options={targets.map((target) => ({ value: target, label: t(`casework:referralTarget.${target}`) }))}
          onValueChange={(value) => setField('to', targets.find((target) => target === value) ?? draft.to)}
        />
      )}
      <ChoiceField
        label={t('referral.reason')}
        name="referral-reason"
        value={draft.reason}
        error={errorFor('reason')}
        options={REFERRAL_REASONS.map((reason) => ({ value: reason, label: t(`casework:referralReason.${reason}`) }))}
        onValueChange={(value) => setField('reason', value)}
      />
      {draft.reason === 'safeguarding' ? (
        <p className="plan-notice" role="note">
          {t('referral.safeguardingReminder')}
        </p>
      ) : null}
      <TextAreaField
        label={t('referral.note')}
        hint={draft.reason === 'other' ? t('referral.noteRequired') : t('referral.noteOptional')}
        value={draft.reasonText}
        error={errorFor('reasonText')}
        onValueChange={(value) => setField('reasonText', value)}
      />
      <TextField
        label={t('referral.date')}
        type="date"
        value={draft.sentAt}
        error={errorFor('sentAt')}
        onValueChange={(value) => setField('sentAt', value)}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSaving}>
          {isSaving ? t('common:actions.saving') : t('referral.send')}
        </button>
      </div>
    </form>
  );
}
