/** Why a write to the device's database failed, as the screens explain it (`common:errors.<code>`). */
export type WriteFailure = 'storageFull' | 'generic';

function nameOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined;
}

/**
 * A full disk is the one failure a user can act on (free some space), so it
 * gets its own message. The browser reports it as a DOMException (not an
 * Error everywhere) and Dexie may wrap it, so look at names, inside too.
 */
export function writeFailureOf(error: unknown): WriteFailure {
  const inner = typeof error === 'object' && error !== null ? (error as { inner?: unknown }).inner : undefined;
  return [nameOf(error), nameOf(inner)].includes('QuotaExceededError') ? 'storageFull' : 'generic';
}
