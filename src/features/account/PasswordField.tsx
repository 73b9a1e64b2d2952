import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame } from '../../ui/FieldFrame.tsx';

interface PasswordFieldProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * The password, with a toggle to show it: typed with one thumb on a small
 * keyboard, a password is easier to get right when it can be read back.
 */
export function PasswordField({ label, value, onValueChange, error, inputRef }: PasswordFieldProps) {
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
            name="password"
            autoComplete="current-password"
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
