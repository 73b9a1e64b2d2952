// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from '../../../src/server/auth/passwordHash.ts';

const FORMAT = /^scrypt\$15\$8\$3\$([A-Za-z0-9+/]{22}==)\$([A-Za-z0-9+/]{43}=)$/;

describe('password hashes', () => {
  it('stores scrypt with its parameters, a 16-byte salt and a 32-byte key, salted anew each time', async () => {
    const [first, second] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    expect(first).toMatch(FORMAT);
    expect(second).toMatch(FORMAT);
    expect(first).not.toBe(second);
    expect(first).not.toContain('correct horse');
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct hors', stored)).toBe(false);
    expect(await verifyPassword('Correct horse', stored)).toBe(false);
  });

  it('treats composed and decomposed letters as the same password (a phone keyboard may send either)', async () => {
    const stored = await hashPassword('Erëza-2026'.normalize('NFC'));
    expect(await verifyPassword('Erëza-2026'.normalize('NFD'), stored)).toBe(true);
  });

  it('refuses when there is no hash, or an unreadable or hostile one, without throwing', async () => {
    const stored = await hashPassword('correct horse');
    const [, salt = '', key = ''] = FORMAT.exec(stored) ?? [];
    const hostile = [
      null,
      `bcrypt$15$8$3$${salt}$${key}`,
      // A cost that would take minutes and gigabytes: refused unread.
      `scrypt$30$8$3$${salt}$${key}`,
      `scrypt$15$8$99$${salt}$${key}`,
      `scrypt$15$8$3$${salt}$${key.slice(4)}`,
    ];
    for (const candidate of hostile) expect(await verifyPassword('correct horse', candidate)).toBe(false);
  });

  it('asks for a new hash when a stored one was made at a lower cost', async () => {
    const stored = await hashPassword('correct horse');
    expect(needsRehash(stored)).toBe(false);
    expect(needsRehash(stored.replace('scrypt$15$', 'scrypt$14$'))).toBe(true);
    expect(needsRehash(stored.replace('$8$3$', '$8$1$'))).toBe(true);
  });
});
