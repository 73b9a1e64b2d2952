import { useRef, useState } from 'react';
import { setSessionProblem } from '../../state/sessionStore.ts';
import { setWorkerFromAccount } from '../../state/workerStore.ts';
import { DifferentAccountError } from '../../storage/accountRepository.ts';
import { db } from '../../storage/database.ts';
import { getClientId } from '../../storage/syncMeta.ts';
import { writeFailureOf, type WriteFailure } from '../../storage/writeFailure.ts';
import { signIn, type SignInFailure } from '../../sync/sessionApi.ts';
import { requestSync } from '../../sync/syncController.ts';
import { afterPasswordSignIn } from '../lock/deviceLockFlow.ts';
import { APP_SERVER } from './appServer.ts';

export type SignInField = 'login' | 'password';

/** Why the last attempt did not sign in, as the screen explains it. */
export type SignInProblem =
  | { kind: 'refused'; reason: SignInFailure; minutes: number }
  | { kind: 'differentAccount' }
  | { kind: 'write'; failure: WriteFailure };

/** The login lockout of docs/accounts.md, for a 429 that somehow came without Retry-After. */
const LOCKOUT_MINUTES = 15;

function minutesToWait(retryAfterSeconds: number | undefined): number {
  if (retryAfterSeconds === undefined || !Number.isFinite(retryAfterSeconds)) return LOCKOUT_MINUTES;
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

export interface SignInForm {
  login: string;
  password: string;
  setLogin: (value: string) => void;
  setPassword: (value: string) => void;
  missing: ReadonlySet<SignInField>;
  problem: SignInProblem | undefined;
  busy: boolean;
  /** Resolves to what went wrong (for focus), or undefined once signed in. */
  submit: () => Promise<'invalid' | 'refused' | undefined>;
}

/**
 * Online sign-in (docs/accounts.md): the server checks the password and binds
 * a session to this phone's client id; the account is then kept on the phone,
 * the screens take the person's name and role from it, and the first sync
 * starts. The typed login survives a refusal; the password never does.
 * `fixedLogin`: signing in again as the account already on the phone.
 */
export function useSignIn(fixedLogin?: string, onSignedIn?: (name: string) => void): SignInForm {
  const [typedLogin, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<ReadonlySet<SignInField>>(() => new Set());
  const [problem, setProblem] = useState<SignInProblem>();
  const [busy, setBusy] = useState(false);
  // A ref, not state: a double tap arrives before React re-renders the disabled button.
  const inFlight = useRef(false);
  const login = fixedLogin ?? typedLogin;

  async function attempt(): Promise<'refused' | undefined> {
    const clientId = await getClientId(db);
    const result = await signIn(APP_SERVER.fetch, APP_SERVER.baseUrl, { login: login.trim(), password, clientId });
    if (!result.ok) {
      setProblem({ kind: 'refused', reason: result.reason, minutes: minutesToWait(result.retryAfterSeconds) });
      return 'refused';
    }
    const account = await afterPasswordSignIn(result.session);
    // A PIN is chosen first (the lock screens take over); the PIN screen then opens the app.
    if (account === 'choosePin') return undefined;
    setWorkerFromAccount(account);
    setSessionProblem(null);
    requestSync('now');
    onSignedIn?.(account.user.displayName);
    window.location.hash = '#/today';
    return undefined;
  }

  async function submit(): Promise<'invalid' | 'refused' | undefined> {
    if (inFlight.current) return undefined;
    const empty = new Set<SignInField>();
    if (login.trim() === '') empty.add('login');
    if (password === '') empty.add('password');
    setMissing(empty);
    setProblem(undefined);
    if (empty.size > 0) return 'invalid';
    inFlight.current = true;
    setBusy(true);
    try {
      const outcome = await attempt();
      if (outcome !== undefined) setPassword('');
      return outcome;
    } catch (error) {
      setProblem(
        error instanceof DifferentAccountError
          ? { kind: 'differentAccount' }
          : { kind: 'write', failure: writeFailureOf(error) },
      );
      setPassword('');
      return 'refused';
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return {
    login,
    password,
    setLogin: (value) => {
      if (fixedLogin === undefined) setLogin(value);
    },
    setPassword,
    missing,
    problem,
    busy,
    submit,
  };
}
