import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame } from '../../ui/FieldFrame.tsx';

interface PasswordFieldProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  /** `new-password` where one is being chosen: the phone's password manager then offers a strong one. */
  purpose?: 'current-password' | 'new-password';
  name?: string;
}

/**
 * The password, with a toggle to show it: typed with one thumb on a small
 * keyboard, a password is easier to get right when it can be read back.
 */
export function PasswordField(props: PasswordFieldProps) {
  const { label, value, onValueChange, error, inputRef, purpose = 'current-password', name = 'password' } = props;
  const { t } = useTranslation('account');
  const [shown, setShown] = useState(false);
  return (
    <FieldFrame label={label} error={error}>
      {(control) => (
        <div className="password-row">
          <input
            {...control}
            ref={inputRef}
            type={shown ? 'text' : 'password'}
            name={name}
            autoComplete={purpose}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={value}
            onChange={(event) => onValueChange(event.target.value)}
          />
          <button
            type="button"
            className="password-toggle"
            aria-pressed={shown}
            aria-controls={control.id}
            onClick={() => setShown((before) => !before)}
          >
            {t('signIn.showPassword')}
          </button>
        </div>
      )}
    </FieldFrame>
  );
}
