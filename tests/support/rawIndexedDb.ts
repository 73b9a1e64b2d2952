/**
 * Reads a store as IndexedDB holds it, below Dexie and its sealing middleware:
 * what anyone reading the phone's files would find.
 */
export async function rawRows(databaseName: string, store: string): Promise<unknown[]> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(databaseName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  try {
    return await new Promise<unknown[]>((resolve, reject) => {
      const request = database.transaction(store, 'readonly').objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as unknown[]);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
  } finally {
    database.close();
  }
}

/** Every string anywhere in a value, for "does this name appear in plain text" checks. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) return Object.values(value).flatMap(stringsIn);
  return [];
}
