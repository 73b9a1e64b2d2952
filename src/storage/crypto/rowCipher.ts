import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { managedNonce } from '@noble/ciphers/utils.js';

/**
 * Seals and opens the part of a stored row that may identify a child.
 *
 * Synchronous on purpose: it runs inside IndexedDB transactions, which commit
 * as soon as they wait on anything that is not an IndexedDB request (WebCrypto
 * would end them mid-write). ChaCha20-Poly1305 with a fresh random 12-byte
 * nonce per seal: a repeat is negligible (about n²/2⁹⁷) far beyond the 2³²
 * seals per key NIST allows for random nonces, and a phone writes millions at
 * most. (XChaCha's longer nonce cost bytes the first load cannot spare.) The
 * table's name is authenticated with the row, so a sealed row cannot be moved
 * to another table.
 */
export interface RowCipher {
  seal(table: string, fields: Record<string, unknown>): Uint8Array;
  open(table: string, sealed: Uint8Array): Record<string, unknown>;
}

/** The field a sealed row keeps its secret part in. Rows without it were written before encryption. */
export const SEALED_FIELD = '_sealed';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function rowCipherFor(dataKey: Uint8Array): RowCipher {
  if (dataKey.length !== 32) throw new Error('a data key is 32 bytes');
  const cipherFor = managedNonce(chacha20poly1305);
  const ciphers = new Map<string, ReturnType<typeof cipherFor>>();
  const tableCipher = (table: string) => {
    let cipher = ciphers.get(table);
    if (!cipher) {
      cipher = cipherFor(dataKey, encoder.encode(table));
      ciphers.set(table, cipher);
    }
    return cipher;
  };
  return {
    seal: (table, fields) => tableCipher(table).encrypt(encoder.encode(JSON.stringify(fields))),
    open: (table, sealed) => JSON.parse(decoder.decode(tableCipher(table).decrypt(sealed))) as Record<string, unknown>,
  };
}
