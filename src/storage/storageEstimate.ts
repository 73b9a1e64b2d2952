/** How much of the space the browser grants this site Ura uses, in bytes. */
export interface StorageUse {
  usage: number;
  quota: number;
}

/**
 * The browser's own estimate (navigator.storage.estimate), or undefined when
 * it does not give one: an older browser, an insecure context, or a refusal.
 * Browsers round and pad these figures on purpose, so they are a guide only.
 */
export async function storageEstimate(): Promise<StorageUse | undefined> {
  if (typeof navigator.storage?.estimate !== 'function') return undefined;
  try {
    const { usage, quota } = await navigator.storage.estimate();
    if (typeof usage !== 'number' || typeof quota !== 'number' || quota <= 0) return undefined;
    return { usage, quota };
  } catch {
    return undefined;
  }
}
