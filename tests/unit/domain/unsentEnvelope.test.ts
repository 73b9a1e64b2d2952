import { describe, expect, it } from 'vitest';
import {
  fromBase64,
  isEnvelope,
  openText,
  passphraseLongEnough,
  PBKDF2_ITERATIONS,
  sealText,
  toBase64,
  type UnsentEnvelope,
} from '../../../src/domain/unsentEnvelope.ts';

const PASSPHRASE = 'drita e mëngjesit në Prizren';
// Names in both scripts and a note with line breaks: what a real file carries.
const TEXT = JSON.stringify({ givenName: 'Arta', familyName: 'Гашић', notes: 'Nëna tha:\n"po vjen nesër"' });

async function sealed(text = TEXT, passphrase = PASSPHRASE): Promise<UnsentEnvelope> {
  return sealText(text, passphrase);
}

/** Flips one bit of a base64 field. */
function flipBit(base64: string, byteIndex: number): string {
  const bytes = fromBase64(base64);
  bytes[byteIndex] = (bytes[byteIndex] ?? 0) ^ 0x01;
  return toBase64(bytes);
}

describe('locked file of unsent changes', () => {
  it('opens with the passphrase it was made with, giving back the exact text', async () => {
    const envelope = await sealed();
    expect(await openText(JSON.stringify(envelope), PASSPHRASE)).toEqual({ ok: true, text: TEXT });
  });

  it('writes a versioned envelope that names its parameters and never the text', async () => {
    const envelope = await sealed();
    expect(envelope).toMatchObject({
      format: 'ura-unsent',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS },
      cipher: { name: 'AES-GCM', length: 256 },
    });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(310_000);
    expect(fromBase64(envelope.salt)).toHaveLength(16);
    expect(fromBase64(envelope.iv)).toHaveLength(12);
    // The text plus AES-GCM's 16-byte tag.
    expect(fromBase64(envelope.ciphertext)).toHaveLength(new TextEncoder().encode(TEXT).length + 16);
    const written = JSON.stringify(envelope);
    expect(written).not.toContain('Arta');
    expect(isEnvelope(envelope)).toBe(true);
  });

  it('takes a fresh salt and IV for every file', async () => {
    const [first, second] = await Promise.all([sealed(), sealed()]);
    expect(first.salt).not.toBe(second.salt);
    expect(first.iv).not.toBe(second.iv);
    expect(first.ciphertext).not.toBe(second.ciphertext);
  });

  it('opens with the same words typed in another Unicode form (NFC)', async () => {
    const composed = 'Dëshmitë e Ëngjëllit';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const envelope = await sealed(TEXT, composed);
    expect(await openText(JSON.stringify(envelope), decomposed)).toEqual({ ok: true, text: TEXT });
  });

  it('does not open with a wrong passphrase', async () => {
    const envelope = await sealed();
    expect(await openText(JSON.stringify(envelope), `${PASSPHRASE}.`)).toEqual({ ok: false, reason: 'cannotDecrypt' });
  });

  it('does not open once the ciphertext, its tag, the salt or the IV was changed', async () => {
    const envelope = await sealed();
    const length = fromBase64(envelope.ciphertext).length;
    const tampered: UnsentEnvelope[] = [
      { ...envelope, ciphertext: flipBit(envelope.ciphertext, 0) },
      { ...envelope, ciphertext: flipBit(envelope.ciphertext, length - 1) },
      { ...envelope, salt: flipBit(envelope.salt, 3) },
      { ...envelope, iv: flipBit(envelope.iv, 5) },
    ];
    for (const file of tampered) {
      expect(await openText(JSON.stringify(file), PASSPHRASE)).toEqual({ ok: false, reason: 'cannotDecrypt' });
    }
  });

  it('does not open once the parameters in its header were edited', async () => {
    const envelope = await sealed();
    const weakened = { ...envelope, kdf: { ...envelope.kdf, iterations: 400_000 } };
    expect(await openText(JSON.stringify(weakened), PASSPHRASE)).toEqual({ ok: false, reason: 'cannotDecrypt' });
  });

  it('refuses what is not its format, and a later version, without trying the passphrase', async () => {
    const envelope = await sealed();
    const cases: [string, string][] = [
      ['not json at all', 'notAnEnvelope'],
      [JSON.stringify({ ...envelope, format: 'ura-rejected-changes' }), 'notAnEnvelope'],
      [JSON.stringify({ ...envelope, version: 0 }), 'notAnEnvelope'],
      [JSON.stringify({ ...envelope, version: 2 }), 'newerVersion'],
      [JSON.stringify({ ...envelope, cipher: { name: 'AES-CBC', length: 256 } }), 'notAnEnvelope'],
      [JSON.stringify({ ...envelope, kdf: { ...envelope.kdf, iterations: 1000 } }), 'notAnEnvelope'],
      [JSON.stringify({ ...envelope, kdf: { ...envelope.kdf, iterations: 1e9 } }), 'notAnEnvelope'],
      [JSON.stringify({ ...envelope, salt: 'not base64!' }), 'notAnEnvelope'],
      [JSON.stringify({ ...envelope, iv: toBase64(new Uint8Array(8)) }), 'notAnEnvelope'],
    ];
    for (const [file, reason] of cases) {
      expect(await openText(file, PASSPHRASE), file.slice(0, 60)).toEqual({ ok: false, reason });
    }
  });

  it('will not make a file too weak to be opened again', async () => {
    await expect(sealText(TEXT, PASSPHRASE, 1000)).rejects.toThrow(RangeError);
  });

  it('counts a passphrase in characters as a person sees them', () => {
    expect(passphraseLongEnough('123456789')).toBe(false);
    expect(passphraseLongEnough('1234567890')).toBe(true);
    // Ten letters, two of them made of two code points each before normalising.
    expect(passphraseLongEnough('ëëabcdefgh'.normalize('NFD'))).toBe(true);
    expect(passphraseLongEnough('ëëabcdefg'.normalize('NFD'))).toBe(false);
  });

  it('carries base64 of a large file without losing a byte', () => {
    // More than one 32 KiB chunk of toBase64, and not a whole number of them.
    const bytes = new Uint8Array(100_001).map((_, index) => (index * 7919) % 256);
    const back = fromBase64(toBase64(bytes));
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
    expect(toBase64(new TextEncoder().encode('Ura'))).toBe(btoa('Ura'));
  });
});
