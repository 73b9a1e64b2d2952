/**
 * Wrapping the data key (docs/encryption.md). WebCrypto, so never inside an
 * IndexedDB transaction: PBKDF2-SHA-256 at OWASP's 600,000 iterations turns a
 * PIN into a key; AES-GCM wraps the 32-byte data key under it or under the
 * server's recovery secret, bound to the person it belongs to.
 */
export const PIN_KDF_ITERATIONS = 600_000;
const IV_BYTES = 12;
const encoder = new TextEncoder();

// The DOM's BufferSource type wants ArrayBuffer-backed views; copy into one.
function bytes(source: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(new ArrayBuffer(source.length));
  copy.set(source);
  return copy;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(new ArrayBuffer(length)));
}

export async function pinKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return bytes(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export async function recoveryKey(recoverySecret: string): Promise<CryptoKey> {
  const raw = fromBase64Url(recoverySecret);
  if (raw.length !== 32) throw new Error('a recovery secret is 32 bytes');
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function wrapDataKey(key: CryptoKey, dataKey: Uint8Array, userId: string): Promise<Uint8Array> {
  const iv = randomBytes(IV_BYTES);
  const additionalData = encoder.encode(`ura-data-key:${userId}`);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, bytes(dataKey));
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return out;
}

/** The data key, or null when the key is wrong (a wrong PIN, another person's secret, a tampered vault). */
export async function unwrapDataKey(key: CryptoKey, wrapped: Uint8Array, userId: string): Promise<Uint8Array | null> {
  const iv = bytes(wrapped.subarray(0, IV_BYTES));
  const additionalData = encoder.encode(`ura-data-key:${userId}`);
  try {
    const opened = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData },
      key,
      bytes(wrapped.subarray(IV_BYTES)),
    );
    return new Uint8Array(opened);
  } catch {
    return null;
  }
}
