import { useId } from 'react';
import type { SelectOption } from './SelectField.tsx';

interface ChoiceFieldProps {
  label: string;
  name: string;
  value: string;
  options: readonly SelectOption[];
  onValueChange: (value: string) => void;
  error?: string | undefined;
}

/** A few large radio buttons in a row: quicker with a thumb than a drop-down. */
export function ChoiceField({ label, name, value, options, onValueChange, error }: ChoiceFieldProps) {
  const id = useId();
  return (
    <fieldset
      className="field choice"
      aria-describedby={error ? `${id}-error` : undefined}
      // Radios cannot carry aria-invalid; the group says it is wrong, for focusFirstInvalid.
      data-invalid={error ? true : undefined}
    >
      <legend>{label}</legend>
      <div className="choice-options">
        {options.map((option) => (
          <label key={option.value} className="choice-option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onValueChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
