import type { TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './FieldFrame.tsx';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
}

/**
 * A labelled multi-line input, wired to its label, hint and error like TextField; the typed text is never cleared.
 * `autoComplete` off unless asked: Chromium otherwise saves what was typed into its session-restore files, outside
 * the sealed database (docs/encryption.md, found by the lost-phone scan).
 */
export function TextAreaField({
  label,
  value,
  onValueChange,
  error,
  hint,
  rows = 3,
  autoComplete = 'off',
  ...rest
}: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {(control) => (
        <textarea
          {...rest}
          {...control}
          autoComplete={autoComplete}
          rows={rows}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}
