import { FieldFrame } from '../../ui/FieldFrame.tsx';

const MINUS = '−';
const PLUS = '+';

interface CountInputProps {
  label: string;
  value: string;
  error: string | undefined;
  decreaseLabel: string;
  increaseLabel: string;
  onValueChange: (value: string) => void;
}

/** One step from what was typed; text that is not a number steps from 0, and a count never goes below 0. */
function stepped(value: string, delta: number): string {
  const current = Number.parseInt(value.trim(), 10);
  return String(Math.max(0, (Number.isNaN(current) ? 0 : current) + delta));
}

/** A compact count with −/+ buttons large enough for a thumb; the number keypad opens for typing. */
export function CountInput({ label, value, error, decreaseLabel, increaseLabel, onValueChange }: CountInputProps) {
  return (
    <FieldFrame label={label} error={error}>
      {(control) => (
        <div className="count-control">
          <button
            type="button"
            className="count-step"
            aria-label={decreaseLabel}
            onClick={() => onValueChange(stepped(value, -1))}
          >
            {MINUS}
          </button>
          <input
            {...control}
            className="count-input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            enterKeyHint="next"
            value={value}
            onChange={(event) => onValueChange(event.target.value)}
          />
          <button
            type="button"
            className="count-step"
            aria-label={increaseLabel}
            onClick={() => onValueChange(stepped(value, 1))}
          >
            {PLUS}
          </button>
        </div>
      )}
    </FieldFrame>
  );
}
