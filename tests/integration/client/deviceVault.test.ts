import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createVault,
  MAX_PIN_ATTEMPTS,
  readVaultState,
  setPin,
  unlockWithPin,
  unlockWithRecoverySecret,
} from '../../../src/storage/deviceVault.ts';
import { createStudent, getStudent } from '../../../src/storage/studentRepository.ts';
import { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { makeStudentFields } from '../../support/clientFixtures.ts';
import { rawRows, stringsIn } from '../../support/rawIndexedDb.ts';
import { testRecoverySecret } from '../../support/testDataKey.ts';

const USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f5001';
const PIN = '482915';
let db: UraDatabase;
let secret: string;
let studentId: string;

beforeEach(async () => {
  db = new UraDatabase(`ura-vault-${crypto.randomUUID()}`);
  secret = testRecoverySecret();
  await createVault(db, PIN, secret, USER);
  studentId = await createStudent(db, makeStudentFields({ givenName: 'Dafina' }));
  db.dataKey.lock();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the device vault', () => {
  it('keeps the data key only wrapped, with nothing readable about the PIN', async () => {
    const [vault] = await rawRows(db.name, 'vault');
    expect(stringsIn(vault)).toEqual(['device', USER]);
    expect(await readVaultState(db)).toEqual({ kind: 'locked', userId: USER, attemptsLeft: MAX_PIN_ATTEMPTS });
  });

  it('unlocks with the PIN, and a right PIN after wrong ones starts the count again', async () => {
    expect(await unlockWithPin(db, '111111')).toEqual({ ok: false, attemptsLeft: 4 });
    expect(await unlockWithPin(db, '482916')).toEqual({ ok: false, attemptsLeft: 3 });
    expect(db.dataKey.unlocked).toBe(false);
    expect(await unlockWithPin(db, PIN)).toEqual({ ok: true });
    expect((await getStudent(db, studentId))?.givenName).toBe('Dafina');
    expect(await readVaultState(db)).toEqual({ kind: 'unlocked' });
    db.dataKey.lock();
    expect(await readVaultState(db)).toMatchObject({ attemptsLeft: MAX_PIN_ATTEMPTS });
  });

  it('wipes the PIN’s copy of the key after five wrong PINs; then even the right PIN fails', async () => {
    for (let attempt = 1; attempt <= MAX_PIN_ATTEMPTS; attempt += 1) {
      expect(await unlockWithPin(db, '000000')).toEqual({ ok: false, attemptsLeft: MAX_PIN_ATTEMPTS - attempt });
    }
    expect(await readVaultState(db)).toEqual({ kind: 'pinWiped', userId: USER });
    expect(await unlockWithPin(db, PIN)).toEqual({ ok: false, attemptsLeft: 0 });
    expect(db.dataKey.unlocked).toBe(false);
  });

  it('opens again with the recovery secret after a password sign-in, for the same person only, and takes a new PIN', async () => {
    for (let attempt = 0; attempt < MAX_PIN_ATTEMPTS; attempt += 1) await unlockWithPin(db, '000000');
    expect(await unlockWithRecoverySecret(db, secret, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f5999')).toBe(false);
    expect(await unlockWithRecoverySecret(db, testRecoverySecret(), USER)).toBe(false);
    expect(db.dataKey.unlocked).toBe(false);
    expect(await unlockWithRecoverySecret(db, secret, USER)).toBe(true);
    expect((await getStudent(db, studentId))?.givenName).toBe('Dafina');

    await setPin(db, '735104');
    db.dataKey.lock();
    expect(await unlockWithPin(db, PIN)).toEqual({ ok: false, attemptsLeft: 4 });
    expect(await unlockWithPin(db, '735104')).toEqual({ ok: true });
    expect((await getStudent(db, studentId))?.givenName).toBe('Dafina');
  });
});
