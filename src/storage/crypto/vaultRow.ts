/**
 * The one row of the `vault` table, kept in plain text because it is read
 * before the app is unlocked. It holds nothing identifying: the data key only
 * wrapped, the salt and cost of the PIN's key, and the PIN's wrong-attempt count.
 */
export interface VaultRow {
  id: 'device';
  /** Whose data key this is: another person signing in on this phone never gets it. */
  userId: string;
  salt: Uint8Array;
  iterations: number;
  /** IV ‖ AES-GCM(data key) under the PIN's key; null once too many wrong PINs wiped it. */
  pinWrapped: Uint8Array | null;
  /** IV ‖ AES-GCM(data key) under the server-held recovery secret, useless without the server. */
  recoveryWrapped: Uint8Array;
  failedAttempts: number;
}

export const VAULT_ID = 'device';
