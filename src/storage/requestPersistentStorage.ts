import { markPersistRequested } from './syncMeta.ts';
import type { UraDatabase } from './UraDatabase.ts';

export type PersistenceState = 'persisted' | 'notPersisted' | 'unknown';

/**
 * Asks the browser once, after the first saved record, not to evict Ura's
 * data under storage pressure (best-effort storage is cleared whole).
 */
export async function requestPersistentStorageOnce(db: UraDatabase): Promise<void> {
  if (!(await markPersistRequested(db))) return;
  if (typeof navigator.storage?.persist !== 'function') return;
  await navigator.storage.persist().catch(() => false);
}

export async function persistenceState(): Promise<PersistenceState> {
  if (typeof navigator.storage?.persisted !== 'function') return 'unknown';
  return (await navigator.storage.persisted()) ? 'persisted' : 'notPersisted';
}
