/** Why a write to the device's database failed, as the screens explain it (`common:errors.<code>`). */
export type WriteFailure = 'storageFull' | 'generic';

/**
 * A full disk is the one failure a user can act on (free some space), so it
 * gets its own message; Dexie may wrap the browser's error, so look inside.
 */
export function writeFailureOf(error: unknown): WriteFailure {
  const names = [error, (error as { inner?: unknown } | null)?.inner]
    .filter((candidate): candidate is Error => candidate instanceof Error)
    .map((candidate) => candidate.name);
  return names.includes('QuotaExceededError') ? 'storageFull' : 'generic';
}
