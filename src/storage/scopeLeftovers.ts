import { META_KEYS } from './syncMeta.ts';
import type { UraDatabase } from './UraDatabase.ts';

/**
 * The out-of-scope records kept for a pending change (applyAccessScope.ts),
 * read apart from the pruning itself: after every sync the app asks whether
 * there are any, and loads the pruning code only when there are (it is not
 * part of the first load).
 */
export async function scopeLeftovers(db: UraDatabase): Promise<unknown[]> {
  const stored = (await db.meta.get(META_KEYS.scopeLeftovers))?.value;
  return Array.isArray(stored) ? (stored as unknown[]) : [];
}
