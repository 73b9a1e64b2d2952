import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH, passphraseLongEnough } from '../../domain/unsentEnvelope.ts';
import { FieldFrame } from '../../ui/FieldFrame.tsx';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';
import { SecretField } from '../../ui/SecretField.tsx';
import './lockedFile.css';

interface Errors {
  passphrase?: string;
  repeat?: string;
}

/**
 * The passphrase for a locked file of unsent changes, typed twice: a typo
 * here would lock the changes away for good. Used on the outbox screen and
 * when signing out, so its words live in `common`. `onSave` makes and hands
 * over the file, and says whether it did; the fields are emptied once it has.
 */
export function LockedExportForm({ onSave }: { onSave: (passphrase: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [shown, setShown] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);

  // The form opens on a tap that asked for it: the first field is where the thumb goes next.
  useEffect(() => firstRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (!passphraseLongEnough(passphrase)) {
      found.passphrase = t('unsentFile.tooShort', { count: MIN_PASSPHRASE_LENGTH });
    } else if (repeat !== passphrase) found.repeat = t('unsentFile.mismatch');
    setErrors(found);
    if (found.passphrase !== undefined || found.repeat !== undefined) {
      // After React has marked the fields.
      focusFirstInvalidNextFrame(formRef.current);
      return;
    }
    setBusy(true);
    try {
      if (await onSave(passphrase)) {
        setPassphrase('');
        setRepeat('');
      }
    } finally {
      setBusy(false);
    }
  };

  const inputProps = {
    type: shown ? 'text' : 'password',
    autoComplete: 'new-password',
    autoCapitalize: 'none',
    autoCorrect: 'off',
    spellCheck: false,
  } as const;

  return (
    <form ref={formRef} className="locked-file-form" noValidate onSubmit={(event) => void submit(event)}>
      <SecretField
        label={t('unsentFile.passphrase')}
        hint={t('unsentFile.passphraseHint', { count: MIN_PASSPHRASE_LENGTH })}
        error={errors.passphrase}
        autoComplete="new-password"
        showLabel={t('unsentFile.show')}
        shown={shown}
        onShownChange={setShown}
        inputRef={firstRef}
        value={passphrase}
        onValueChange={setPassphrase}
      />
      {/* The second typing follows the first's toggle: shown together, so the two can be compared. */}
      <FieldFrame label={t('unsentFile.repeat')} error={errors.repeat}>
        {(control) => (
          <input {...control} {...inputProps} value={repeat} onChange={(event) => setRepeat(event.target.value)} />
        )}
      </FieldFrame>
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? t('unsentFile.saving') : t('unsentFile.save')}
      </button>
    </form>
  );
}
