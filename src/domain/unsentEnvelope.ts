/**
 * The locked file that carries unsent changes from one phone to another
 * (docs/storage-defence.md). A versioned JSON envelope around AES-GCM: the
 * key comes from a passphrase the person types, through PBKDF2-SHA-256 with a
 * random salt; every file has a fresh salt and IV. Pure WebCrypto, so it runs
 * the same in the browser and in Node (globalThis.crypto.subtle).
 */

export const UNSENT_FORMAT = 'ura-unsent';
export const UNSENT_VERSION = 1;
/** OWASP's figure for PBKDF2-HMAC-SHA-256 (2023); about a second on a cheap phone, once per export or import. */
export const PBKDF2_ITERATIONS = 600_000;
/** A file claiming fewer iterations was not made by Ura, or was weakened: it is not opened. */
const MIN_ITERATIONS = 310_000;
/** A file claiming more would freeze the phone for minutes before failing: not opened either. */
const MAX_ITERATIONS = 10_000_000;
/** The passphrase guards children's details in a file that may be copied anywhere. */
export const MIN_PASSPHRASE_LENGTH = 10;
const SALT_BYTES = 16;
const IV_BYTES = 12;

export interface UnsentEnvelope {
  format: typeof UNSENT_FORMAT;
  version: typeof UNSENT_VERSION;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number };
  cipher: { name: 'AES-GCM'; length: 256 };
  /** base64 */
  salt: string;
  /** base64 */
  iv: string;
  /** base64 of the AES-GCM output (ciphertext and its 16-byte tag) */
  ciphertext: string;
}

/**
 * Why a file did not open. `notAnEnvelope`: not JSON, or not Ura's locked
 * format; `newerVersion`: made by a later version of the envelope;
 * `cannotDecrypt`: the passphrase is not the one the file was made with, or
 * the file was changed after it was made (AES-GCM cannot tell which).
 */
export type OpenFailure = 'notAnEnvelope' | 'newerVersion' | 'cannotDecrypt';
export type OpenOutcome = { ok: true; text: string } | { ok: false; reason: OpenFailure };

/** Counted in characters as a person sees them, not UTF-16 units. */
export function passphraseLongEnough(passphrase: string): boolean {
  return [...passphrase.normalize('NFC')].length >= MIN_PASSPHRASE_LENGTH;
}

/** Chunks keep String.fromCharCode's argument list short for files of a few megabytes. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * The header as additional authenticated data: a file whose format, version
 * or parameters were edited does not decrypt, even where the edit would not
 * change the key.
 */
function headerBytes(envelope: Pick<UnsentEnvelope, 'format' | 'version' | 'kdf' | 'cipher'>): Uint8Array<ArrayBuffer> {
  const { format, version, kdf, cipher } = envelope;
  const header = [format, version, kdf.name, kdf.hash, kdf.iterations, cipher.name, cipher.length].join('|');
  return new TextEncoder().encode(header);
}

/** The passphrase is NFC-normalised: the same words typed on two keyboards give the same key. */
async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Locks `text` with `passphrase` into an envelope, with a fresh random salt and IV. */
export async function sealText(
  text: string,
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<UnsentEnvelope> {
  if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) throw new RangeError('iterations out of range');
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const header = {
    format: UNSENT_FORMAT,
    version: UNSENT_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations },
    cipher: { name: 'AES-GCM', length: 256 },
  } as const;
  const key = await deriveKey(passphrase, salt, iterations);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: headerBytes(header) },
    key,
    new TextEncoder().encode(text),
  );
  return { ...header, salt: toBase64(salt), iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(sealed)) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function decodeBase64(value: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return fromBase64(value);
  } catch {
    return undefined;
  }
}

/** The envelope in `parsed`, or why it is not one this version can open. */
function readEnvelope(parsed: unknown): UnsentEnvelope | 'notAnEnvelope' | 'newerVersion' {
  if (!isRecord(parsed) || parsed.format !== UNSENT_FORMAT) return 'notAnEnvelope';
  if (typeof parsed.version === 'number' && parsed.version > UNSENT_VERSION) return 'newerVersion';
  const { kdf, cipher } = parsed;
  const valid =
    parsed.version === UNSENT_VERSION &&
    isRecord(kdf) &&
    kdf.name === 'PBKDF2' &&
    kdf.hash === 'SHA-256' &&
    Number.isInteger(kdf.iterations) &&
    (kdf.iterations as number) >= MIN_ITERATIONS &&
    (kdf.iterations as number) <= MAX_ITERATIONS &&
    isRecord(cipher) &&
    cipher.name === 'AES-GCM' &&
    cipher.length === 256 &&
    decodeBase64(parsed.salt)?.length === SALT_BYTES &&
    decodeBase64(parsed.iv)?.length === IV_BYTES &&
    decodeBase64(parsed.ciphertext) !== undefined;
  return valid ? (parsed as unknown as UnsentEnvelope) : 'notAnEnvelope';
}

/** Opens a file made by sealText: its text, or why not. Never throws for a bad file or passphrase. */
export async function openText(fileText: string, passphrase: string): Promise<OpenOutcome> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fileText);
  } catch {
    return { ok: false, reason: 'notAnEnvelope' };
  }
  const envelope = readEnvelope(parsed);
  if (typeof envelope === 'string') return { ok: false, reason: envelope };
  const key = await deriveKey(passphrase, fromBase64(envelope.salt), envelope.kdf.iterations);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(envelope.iv), additionalData: headerBytes(envelope) },
      key,
      fromBase64(envelope.ciphertext),
    );
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    return { ok: false, reason: 'cannotDecrypt' };
  }
}

/** Whether a parsed JSON value looks like a locked file (to ask for its passphrase before trying). */
export function isEnvelope(parsed: unknown): boolean {
  return isRecord(parsed) && parsed.format === UNSENT_FORMAT;
}
