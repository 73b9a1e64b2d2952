import type { UraDatabase } from './UraDatabase.ts';

/**
 * Half-written forms, kept on the device only and never synced: a visit note
 * typed on a doorstep must survive the app being closed or killed. Keys are
 * chosen by the form (see homeVisitDraftKey); values must be plain data
 * (structured-cloneable).
 */
export async function saveDraft(db: UraDatabase, key: string, value: unknown): Promise<void> {
  await db.drafts.put({ key, value, savedAt: Date.now() });
}

export async function loadDraft<T>(db: UraDatabase, key: string): Promise<T | undefined> {
  return (await db.drafts.get(key))?.value as T | undefined;
}

export async function clearDraft(db: UraDatabase, key: string): Promise<void> {
  await db.drafts.delete(key);
}
