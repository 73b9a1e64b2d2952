import { rowCipherFor, type RowCipher } from './rowCipher.ts';

/** The device is locked: nothing identifying can be read or written until the PIN unlocks it. */
export class DeviceLockedError extends Error {
  constructor() {
    super('the device is locked');
    this.name = 'DeviceLockedError';
  }
}

/**
 * The data key, held in memory only while the app is unlocked (docs/encryption.md).
 * Locking drops it; the page is then reloaded so no decrypted copy stays in memory.
 */
export class DataKeyHolder {
  private current: RowCipher | null = null;
  private raw: Uint8Array | null = null;

  get unlocked(): boolean {
    return this.current !== null;
  }

  /** Keeps the data key (a copy, so the caller may zero its buffer). */
  unlock(dataKey: Uint8Array): void {
    this.raw = dataKey.slice();
    this.current = rowCipherFor(this.raw);
  }

  lock(): void {
    this.raw?.fill(0);
    this.raw = null;
    this.current = null;
  }

  /** The key itself, for wrapping it again under a new PIN or recovery secret (deviceVault.ts only). */
  keyForWrapping(): Uint8Array {
    if (!this.raw) throw new DeviceLockedError();
    return this.raw;
  }

  /** The cipher of the unlocked key; throws DeviceLockedError while locked. */
  cipher(): RowCipher {
    if (!this.current) throw new DeviceLockedError();
    return this.current;
  }
}
