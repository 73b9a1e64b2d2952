import { setLockPhase, useLockStore } from '../../state/lockStore.ts';
import { DifferentAccountError, loadAccount, saveSignIn, type DeviceAccount } from '../../storage/accountRepository.ts';
import { db } from '../../storage/database.ts';
import {
  createVault,
  lockDevice,
  readVaultState,
  sealExistingRows,
  setPin,
  unlockWithPin,
  unlockWithRecoverySecret,
} from '../../storage/deviceVault.ts';
import { wipeDevice } from '../../storage/wipeDevice.ts';
import type { SignInReply } from '../../sync/protocol.ts';
import { requestSync } from '../../sync/syncController.ts';

/** Reads the vault at start: which screen the phone opens on (docs/encryption.md). */
export async function checkVault(): Promise<void> {
  const state = await readVaultState(db);
  if (state.kind === 'locked') setLockPhase({ kind: 'locked', attemptsLeft: state.attemptsLeft });
  else setLockPhase({ kind: state.kind });
}

/** Tries a PIN; the phase says what happened (unlocked, fewer attempts left, or the PIN wiped). */
export async function unlock(pin: string): Promise<void> {
  const outcome = await unlockWithPin(db, pin);
  if (outcome.ok) {
    setLockPhase({ kind: 'unlocked' });
    afterUnlock();
  } else if (outcome.attemptsLeft === 0) setLockPhase({ kind: 'pinWiped' });
  else setLockPhase({ kind: 'locked', attemptsLeft: outcome.attemptsLeft });
}

/**
 * Once the key is in memory: lists an upgrade could not rebuild while locked
 * are rebuilt (derivedTables.ts), then the phone syncs. In the background: the
 * screens show what they have meanwhile, and a failed rebuild is tried again
 * at the next unlock (its flag stays). The sync waits its usual short delay
 * ('soon'), not 'now', so loading its code and reading the outbox do not share
 * the page's thread with the first screen. The warm-start figures could not
 * tell the difference on the development machine (docs/benchmarks.md, the
 * evening of 2026-12-07): this is a reason, not a measured gain.
 */
function afterUnlock(): void {
  void rebuildStaleDerivedTables()
    .catch(() => false)
    .finally(() => requestSync('soon'));
}

/** Its code is loaded when needed (a stale flag is rare), not with the app's first load. */
async function rebuildStaleDerivedTables(): Promise<boolean> {
  return (await import('../../storage/derivedTables.ts')).rebuildStaleDerivedTables(db);
}

export function forgotPin(): void {
  setLockPhase({ kind: 'recovering' });
}

/** Back to the PIN from "forgot my PIN", when the PIN still works. */
export async function backToPin(): Promise<void> {
  await checkVault();
}

/**
 * After the server accepted a password. With the phone unlocked (a session
 * that ended), the sign-in is kept at once (its account). Otherwise a PIN is chosen
 * first ('choosePin'): on a new phone with a new key; on a locked one, after
 * the server's recovery secret opened its key again. Another person's data on
 * the phone refuses the sign-in (DifferentAccountError), as before encryption.
 */
export async function afterPasswordSignIn(reply: SignInReply): Promise<DeviceAccount | 'choosePin'> {
  const vault = await readVaultState(db);
  if (vault.kind === 'unlocked') return saveSignIn(db, reply, Date.now());
  if (vault.kind === 'none') {
    // A phone with data from before encryption: its rows are still plain, so its account can be read.
    const stored = await loadAccount(db);
    if (stored && stored.user.id !== reply.user.id) throw new DifferentAccountError();
    setLockPhase({ kind: 'choosePin', signIn: reply, recovered: false });
    return 'choosePin';
  }
  if (vault.userId !== reply.user.id) throw new DifferentAccountError();
  if (await unlockWithRecoverySecret(db, reply.recoverySecret, reply.user.id)) {
    setLockPhase({ kind: 'choosePin', signIn: reply, recovered: true });
    return 'choosePin';
  }
  // The server no longer holds the secret that opened this key (the device was signed out or revoked
  // elsewhere): what the phone holds cannot be read by anyone. Start again as a new phone.
  await wipeDevice(db);
  setLockPhase({ kind: 'choosePin', signIn: reply, recovered: false });
  return 'choosePin';
}

/**
 * The chosen PIN: a new key (sealing any plain rows from before) or a new
 * PIN for the recovered one; then the sign-in is kept and the app opens.
 */
export async function choosePin(pin: string): Promise<DeviceAccount> {
  const phase = useLockStore.getState().phase;
  if (phase.kind !== 'choosePin') throw new Error('no sign-in waits for a PIN');
  if (phase.recovered) {
    await setPin(db, pin);
  } else {
    await createVault(db, pin, phase.signIn.recoverySecret, phase.signIn.user.id);
    await sealExistingRows(db);
  }
  const account = await saveSignIn(db, phase.signIn, Date.now());
  setLockPhase({ kind: 'unlocked' });
  void rebuildStaleDerivedTables().catch(() => false);
  return account;
}

/**
 * Locks now: the visit form's autosave hears `pagehide` and starts its draft
 * write; a write transaction on the drafts queued behind it waits for it to
 * finish, so a half-written note is kept. Then the key leaves memory and the
 * page reloads, so no opened row stays in memory either.
 */
export async function lockNow(): Promise<void> {
  window.dispatchEvent(new Event('pagehide'));
  await db.transaction('rw', db.drafts, () => undefined);
  lockDevice(db);
  window.location.reload();
}
