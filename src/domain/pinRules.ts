/** A PIN unlocks the phone offline (docs/encryption.md): at least six digits, and not one anybody would guess first. */
export const MIN_PIN_LENGTH = 6;
export const MAX_PIN_LENGTH = 12;

export type PinProblem = 'required' | 'digitsOnly' | 'tooShort' | 'tooLong' | 'tooSimple' | 'mismatch';

/** One digit repeated, or a run up or down (123456, 987654, 901234): the first guesses of anyone holding the phone. */
function isTooSimple(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((digit, index) => (digit - (digits[index] ?? 0) + 10) % 10));
  return steps.size === 1 && (steps.has(0) || steps.has(1) || steps.has(9));
}

/** Why a new PIN cannot be used, or undefined when it can. */
export function newPinProblem(pin: string): PinProblem | undefined {
  if (pin === '') return 'required';
  if (!/^[0-9]+$/.test(pin)) return 'digitsOnly';
  if (pin.length < MIN_PIN_LENGTH) return 'tooShort';
  if (pin.length > MAX_PIN_LENGTH) return 'tooLong';
  if (isTooSimple(pin)) return 'tooSimple';
  return undefined;
}

/** The confirmation of a new PIN. */
export function confirmationProblem(pin: string, confirmation: string): PinProblem | undefined {
  if (confirmation === '') return 'required';
  return confirmation === pin ? undefined : 'mismatch';
}
