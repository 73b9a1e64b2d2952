import { useId } from 'react';

export interface MultiChoiceOption<V extends string> {
  value: V;
  label: string;
}

interface MultiChoiceFieldProps<V extends string> {
  label: string;
  name: string;
  values: readonly V[];
  options: readonly MultiChoiceOption<V>[];
  onValuesChange: (values: V[]) => void;
  error?: string | undefined;
  hint?: string | undefined;
}

/**
 * Several large toggle chips under one legend ("who was present"): a thumb
 * ticks each in one tap, with no drop-down to open. The chosen values keep
 * the order of the options, so the same choice always stores the same list.
 */
export function MultiChoiceField<V extends string>({
  label,
  name,
  values,
  options,
  onValuesChange,
  error,
  hint,
}: MultiChoiceFieldProps<V>) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const chosen = new Set<string>(values);

  function toggle(value: V, checked: boolean): void {
    const next = new Set<string>(chosen);
    if (checked) next.add(value);
    else next.delete(value);
    onValuesChange(options.map((option) => option.value).filter((option) => next.has(option)));
  }

  return (
    <fieldset className="field choice multi-choice" aria-describedby={describedBy || undefined}>
      <legend>{label}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="choice-options">
        {options.map((option) => (
          <label key={option.value} className="choice-option multi-choice-option">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={chosen.has(option.value)}
              aria-invalid={error ? true : undefined}
              onChange={(event) => toggle(option.value, event.target.checked)}
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
