import { useState, type Ref } from 'react';
import { FieldFrame } from './FieldFrame.tsx';
import './secretField.css';

export interface SecretFieldProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  /** The words of the toggle that shows what was typed. */
  showLabel: string;
  /** `current-password` to sign in, `new-password` where one is chosen, `off` for a file's passphrase. */
  autoComplete: 'current-password' | 'new-password' | 'off';
  name?: string;
  hint?: string | undefined;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  /** `numeric` for a PIN: the phone shows its number pad. */
  inputMode?: 'numeric';
  /** When given, the field is shown or hidden with others (a secret typed twice shows both at once). */
  shown?: boolean;
  onShownChange?: (shown: boolean) => void;
}

/**
 * A password or passphrase with a toggle to show it: typed with one thumb on
 * a small keyboard, a secret is easier to get right when it can be read back.
 */
export function SecretField(props: SecretFieldProps) {
  const { label, value, onValueChange, showLabel, autoComplete, name, hint, error, inputRef, inputMode } = props;
  const [ownShown, setOwnShown] = useState(false);
  const shown = props.shown ?? ownShown;
  const setShown = props.onShownChange ?? setOwnShown;
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(control) => (
        <div className="secret-row">
          <input
            {...control}
            ref={inputRef}
            type={shown ? 'text' : 'password'}
            name={name}
            autoComplete={autoComplete}
            inputMode={inputMode}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={value}
            onChange={(event) => onValueChange(event.target.value)}
          />
          <button
            type="button"
            className="secret-toggle"
            aria-pressed={shown}
            aria-controls={control.id}
            onClick={() => setShown(!shown)}
          >
            {showLabel}
          </button>
        </div>
      )}
    </FieldFrame>
  );
}
