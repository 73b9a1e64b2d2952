/**
 * Password hashes: scrypt (memory-hard), with its parameters stored beside
 * the hash so they can be raised later without invalidating old passwords
 * (docs/accounts.md, "Sign-in"). Format: `scrypt$<logN>$<r>$<p>$<salt>$<hash>`,
 * salt and hash in base64.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** OWASP's scrypt setting: N = 2^15, r = 8, p = 3 (about 32 MiB per hash). */
export const SCRYPT_LOG_N = 15;
export const SCRYPT_R = 8;
export const SCRYPT_P = 3;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/**
 * scrypt needs about 128 * N * r bytes (32 MiB here); Node refuses anything at
 * or near its default limit of 32 MiB, so the limit is set above it, with room
 * for a stored hash of a somewhat higher cost.
 */
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;
/** Bounds on stored parameters: a corrupted or hostile row must not make one check take minutes. */
const MAX_LOG_N = 20;
const MAX_R = 16;
const MAX_P = 16;

/**
 * A hash of a random password nobody knows, at the current cost. An unknown
 * login (or a user without a password) is checked against it, so the answer
 * takes as long as a wrong password and says nothing about which logins exist.
 */
const DUMMY_HASH = 'scrypt$15$8$3$XO4ARRx0KR6bwMNV9aXozw==$YXPPUwR2JVUlPDAt+wxGHoFtNT8xG+bsA8RNgUMNNUo=';

interface ParsedHash {
  logN: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: MAX_MEMORY_BYTES };
  return new Promise((resolve, reject) => {
    // The async form runs on libuv's thread pool: a sign-in never blocks other requests.
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P);
  return ['scrypt', SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Whether `password` matches `stored`. A missing or unreadable hash is
 * checked against the dummy hash and fails, at the same cost as a real one.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = stored === null ? undefined : parseHash(stored);
  const target = parsed ?? parseHash(DUMMY_HASH);
  if (target === undefined) throw new Error('the dummy password hash is malformed');
  const key = await derive(password, target.salt, target.logN, target.r, target.p);
  const same = key.length === target.hash.length && timingSafeEqual(key, target.hash);
  return parsed !== undefined && same;
}

/** True when a stored hash was made at a lower cost than today's: re-hash it at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return parsed === undefined || parsed.logN < SCRYPT_LOG_N || parsed.r < SCRYPT_R || parsed.p < SCRYPT_P;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  if (!inRange(logN, 10, MAX_LOG_N) || !inRange(r, 1, MAX_R) || !inRange(p, 1, MAX_P)) return undefined;
  if (salt.length < SALT_BYTES || hash.length !== KEY_BYTES) return undefined;
  return { logN, r, p, salt, hash };
}

function inRange(value: number | undefined, min: number, max: number): value is number {
  return value !== undefined && Number.isInteger(value) && value >= min && value <= max;
}
