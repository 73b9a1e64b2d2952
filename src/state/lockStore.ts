import { create } from 'zustand';
import type { SignInReply } from '../sync/protocol.ts';

/**
 * Where the phone stands with its data key (docs/encryption.md):
 * `checking`  the vault is being read;
 * `none`      no key yet: a new or wiped phone, or one whose data predates encryption;
 * `locked`    the PIN opens it; `attemptsLeft` before the PIN's copy of the key is wiped;
 * `pinWiped`  too many wrong PINs: only a password sign-in online opens it again;
 * `recovering` the person chose "forgot my PIN" and signs in with their password;
 * `choosePin` signed in (first time, or recovered): a PIN is chosen before anything else;
 * `unlocked`  the app itself.
 * A sign-in waiting for its PIN is kept here, in memory only, never on the phone.
 */
export type LockPhase =
  | { kind: 'checking' }
  | { kind: 'none' }
  | { kind: 'locked'; attemptsLeft: number }
  | { kind: 'pinWiped' }
  | { kind: 'recovering' }
  | { kind: 'choosePin'; signIn: SignInReply; recovered: boolean }
  | { kind: 'unlocked' };

export const useLockStore = create<{ phase: LockPhase }>(() => ({ phase: { kind: 'checking' } }));

export function setLockPhase(phase: LockPhase): void {
  useLockStore.setState({ phase });
}
