/** Minutes without a touch before Ura locks itself (docs/encryption.md). A device setting, so localStorage. */
export const IDLE_LOCK_CHOICES = [2, 5, 15, 30] as const;
export type IdleLockMinutes = (typeof IDLE_LOCK_CHOICES)[number];
export const DEFAULT_IDLE_LOCK_MINUTES: IdleLockMinutes = 5;
const STORAGE_KEY = 'ura.idleLockMinutes';

export function loadIdleLockMinutes(): IdleLockMinutes {
  const stored = Number(localStorage.getItem(STORAGE_KEY));
  return IDLE_LOCK_CHOICES.find((choice) => choice === stored) ?? DEFAULT_IDLE_LOCK_MINUTES;
}

export function saveIdleLockMinutes(minutes: IdleLockMinutes): void {
  localStorage.setItem(STORAGE_KEY, String(minutes));
}
