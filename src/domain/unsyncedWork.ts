/**
 * When unsynced work starts to be at risk (PRODUCT F14): a phone that has not
 * reached the server for days may be lost, broken or wiped before it does.
 * Past this age the app says so and offers to save a locked copy.
 */
export const UNSYNCED_WARNING_AGE_MS = 3 * 24 * 60 * 60 * 1000;

/** The moment work saved at `savedAt` becomes old enough to warn about. */
export function unsyncedWarningFrom(savedAt: number): number {
  return savedAt + UNSYNCED_WARNING_AGE_MS;
}
