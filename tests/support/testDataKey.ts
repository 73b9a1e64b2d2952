import type { UraDatabase } from '../../src/storage/UraDatabase.ts';

/** A database unlocked with a fresh random data key, as after a PIN on a real phone (docs/encryption.md). */
export function unlockedForTest<T extends UraDatabase>(db: T): T {
  db.dataKey.unlock(crypto.getRandomValues(new Uint8Array(32)));
  return db;
}

/** A recovery secret as the server gives one at sign-in: 32 random bytes, base64url. */
export function testRecoverySecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
}
