import type { InputHTMLAttributes } from 'react';
import { FieldFrame } from './FieldFrame.tsx';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
}

/**
 * A labelled input whose error is tied to it for screen readers; the typed value is never cleared. `autoComplete`
 * off unless asked (a login asks for `username`): Chromium otherwise keeps typed text in its session-restore files.
 */
export function TextField({ label, value, onValueChange, error, hint, autoComplete = 'off', ...rest }: TextFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {(control) => (
        <input
          {...rest}
          {...control}
          autoComplete={autoComplete}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}
