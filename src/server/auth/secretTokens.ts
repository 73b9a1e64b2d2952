/**
 * Secrets handed to a person or a browser (session tokens, invitation codes).
 * The database keeps only their SHA-256, so a copy of it signs nobody in.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A random 256-bit session token, base64url (43 characters, cookie-safe). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_GROUPS = 4;
const CODE_GROUP_LENGTH = 4;

/**
 * A one-time invitation code of 80 random bits, in groups a person can type
 * ("7KQ2-M9XD-…"). With sign-in's rate limit and a 7-day life it cannot be guessed.
 */
export function newInvitationCode(): string {
  const groups = Array.from({ length: CODE_GROUPS }, () =>
    Array.from({ length: CODE_GROUP_LENGTH }, () => CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length))).join(''),
  );
  return groups.join('-');
}

/** The form a code is hashed in: upper case, without the dashes and spaces a person may type. */
export function normaliseInvitationCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function invitationCodeHash(code: string): string {
  return sha256Hex(normaliseInvitationCode(code));
}
