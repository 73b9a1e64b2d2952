import { DeviceLockedError } from './crypto/dataKeyHolder.ts';
import {
  PIN_KDF_ITERATIONS,
  pinKey,
  randomBytes,
  recoveryKey,
  unwrapDataKey,
  wrapDataKey,
} from './crypto/keyWrapping.ts';
import { VAULT_ID, type VaultRow } from './crypto/vaultRow.ts';
import type { UraDatabase } from './UraDatabase.ts';

/** Wrong PINs in a row before the PIN's copy of the key is wiped (docs/encryption.md). */
export const MAX_PIN_ATTEMPTS = 5;

// Whole rows are put, never `update`d: Dexie's modify deep-clones the row, and a key's bytes must stay bytes.

/** What the phone can do before it is unlocked. */
export type VaultState =
  | { kind: 'none' }
  | { kind: 'locked'; userId: string; attemptsLeft: number }
  | { kind: 'pinWiped'; userId: string }
  | { kind: 'unlocked' };

/** The key in memory decides "unlocked"; else the vault row says what opens the phone. */
export async function readVaultState(db: UraDatabase): Promise<VaultState> {
  if (db.dataKey.unlocked) return { kind: 'unlocked' };
  const vault = await db.vault.get(VAULT_ID);
  if (!vault) return { kind: 'none' };
  if (!vault.pinWrapped) return { kind: 'pinWiped', userId: vault.userId };
  return { kind: 'locked', userId: vault.userId, attemptsLeft: MAX_PIN_ATTEMPTS - vault.failedAttempts };
}

/**
 * A new data key for this phone, wrapped under the PIN and under the server's
 * recovery secret; the app is unlocked with it. Rows already on the phone
 * (from before encryption) are sealed by `sealExistingRows` afterwards.
 */
export async function createVault(db: UraDatabase, pin: string, recoverySecret: string, userId: string): Promise<void> {
  const dataKey = randomBytes(32);
  const salt = randomBytes(16);
  const vault: VaultRow = {
    id: VAULT_ID,
    userId,
    salt,
    iterations: PIN_KDF_ITERATIONS,
    pinWrapped: await wrapDataKey(await pinKey(pin, salt, PIN_KDF_ITERATIONS), dataKey, userId),
    recoveryWrapped: await wrapDataKey(await recoveryKey(recoverySecret), dataKey, userId),
    failedAttempts: 0,
  };
  await db.vault.put(vault);
  db.dataKey.unlock(dataKey);
  dataKey.fill(0);
}

export type UnlockOutcome = { ok: true } | { ok: false; attemptsLeft: number };

/**
 * Unlocks with the PIN. The attempt is counted before the key is tried, so
 * closing the app mid-check gives no free guess; the fifth wrong PIN in a row
 * wipes the PIN's copy of the key (attemptsLeft 0): only a password sign-in
 * online (the recovery secret) opens the phone again.
 */
export async function unlockWithPin(db: UraDatabase, pin: string): Promise<UnlockOutcome> {
  const vault = await db.vault.get(VAULT_ID);
  if (!vault?.pinWrapped) return { ok: false, attemptsLeft: 0 };
  const attempts = vault.failedAttempts + 1;
  // The key is derived (off the page's thread) while the attempt is written; it is tried only once the
  // count is stored, so the overlap saves the write's wait without giving a free guess.
  const [, key] = await Promise.all([
    db.vault.put({ ...vault, failedAttempts: attempts }),
    pinKey(pin, vault.salt, vault.iterations),
  ]);
  const dataKey = await unwrapDataKey(key, vault.pinWrapped, vault.userId);
  if (dataKey) {
    await db.vault.put({ ...vault, failedAttempts: 0 });
    db.dataKey.unlock(dataKey);
    dataKey.fill(0);
    return { ok: true };
  }
  const attemptsLeft = Math.max(0, MAX_PIN_ATTEMPTS - attempts);
  if (attemptsLeft === 0) await db.vault.put({ ...vault, failedAttempts: attempts, pinWrapped: null });
  return { ok: false, attemptsLeft };
}

/**
 * After a password sign-in: opens the key with the recovery secret the server
 * gave back. False when the vault belongs to someone else or the secret does
 * not open it (the server made a new one: the device was revoked or signed out).
 */
export async function unlockWithRecoverySecret(
  db: UraDatabase,
  recoverySecret: string,
  userId: string,
): Promise<boolean> {
  const vault = await db.vault.get(VAULT_ID);
  if (!vault || vault.userId !== userId) return false;
  const dataKey = await unwrapDataKey(await recoveryKey(recoverySecret), vault.recoveryWrapped, userId);
  if (!dataKey) return false;
  db.dataKey.unlock(dataKey);
  dataKey.fill(0);
  return true;
}

/** A new PIN for the unlocked key (after a recovery, or by choice); the wrong-attempt count starts again. */
export async function setPin(db: UraDatabase, pin: string): Promise<void> {
  const vault = await db.vault.get(VAULT_ID);
  if (!vault) throw new DeviceLockedError();
  const salt = randomBytes(16);
  const key = await pinKey(pin, salt, PIN_KDF_ITERATIONS);
  const pinWrapped = await wrapDataKey(key, db.dataKey.keyForWrapping(), vault.userId);
  await db.vault.put({ ...vault, salt, iterations: PIN_KDF_ITERATIONS, pinWrapped, failedAttempts: 0 });
}

/** Locks: the key leaves memory. The caller reloads the page so no opened row stays in memory either. */
export function lockDevice(db: UraDatabase): void {
  db.dataKey.lock();
}

/**
 * Seals every row still in plain text (a phone that had data before v7) by
 * writing it back through the sealing middleware, one table per transaction.
 */
export async function sealExistingRows(db: UraDatabase): Promise<void> {
  for (const table of db.tables) {
    if (table.name === 'vault') continue;
    await db.transaction('rw', table, async () => {
      const rows: unknown[] = await table.toArray();
      if (rows.length > 0) await table.bulkPut(rows);
    });
  }
}
