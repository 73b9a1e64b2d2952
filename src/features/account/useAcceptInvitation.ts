import { useRef, useState } from 'react';
import {
  acceptInvitation,
  MAX_NEW_PASSWORD_LENGTH,
  MIN_NEW_PASSWORD_LENGTH,
  type AcceptInvitationFailure,
} from '../../sync/sessionApi.ts';
import { APP_SERVER } from './appServer.ts';
import { useSignIn, type SignInProblem } from './useSignIn.ts';

export type InvitationField = 'login' | 'code' | 'password' | 'passwordAgain';
export type InvitationFieldError = 'required' | 'tooShort' | 'tooLong' | 'mismatch';

/** Why the server did not take the code, as the screen explains it. */
export interface InvitationProblem {
  reason: AcceptInvitationFailure;
  minutes: number;
}

/**
 * `invitation`: the code is still to be accepted. `signIn`: the password is
 * set and the code spent, but signing in with them did not work (a mistyped
 * login, the connection gone): only signing in is left to do.
 */
export type InvitationStage = 'invitation' | 'signIn';

export interface InvitationValues {
  login: string;
  code: string;
  password: string;
  passwordAgain: string;
}

/** What the phone can tell before asking the server; the length rules are the server's (sessionApi.ts). */
export function invitationErrors(values: InvitationValues): Map<InvitationField, InvitationFieldError> {
  const errors = new Map<InvitationField, InvitationFieldError>();
  if (values.login.trim() === '') errors.set('login', 'required');
  if (values.code.trim() === '') errors.set('code', 'required');
  // `length` counts UTF-16 units, as the server's zod `min`/`max` do: both sides agree on every password.
  if (values.password === '') errors.set('password', 'required');
  else if (values.password.length < MIN_NEW_PASSWORD_LENGTH) errors.set('password', 'tooShort');
  else if (values.password.length > MAX_NEW_PASSWORD_LENGTH) errors.set('password', 'tooLong');
  if (values.passwordAgain === '') errors.set('passwordAgain', 'required');
  else if (values.passwordAgain !== values.password) errors.set('passwordAgain', 'mismatch');
  return errors;
}

/** The server's address limit is per minute (docs/accounts.md), for a 429 that came without Retry-After. */
function minutesToWait(retryAfterSeconds: number | undefined): number {
  if (retryAfterSeconds === undefined || !Number.isFinite(retryAfterSeconds)) return 1;
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

export type InvitationOutcome = 'invalid' | 'refused' | 'signInRefused' | undefined;

export interface AcceptInvitationForm extends InvitationValues {
  stage: InvitationStage;
  setLogin: (value: string) => void;
  setCode: (value: string) => void;
  setPassword: (value: string) => void;
  setPasswordAgain: (value: string) => void;
  errors: ReadonlyMap<InvitationField, InvitationFieldError>;
  problem: InvitationProblem | undefined;
  /** Why signing in after the code was accepted did not work (stage `signIn`). */
  signInProblem: SignInProblem | undefined;
  busy: boolean;
  /** Resolves to what went wrong (for focus), or undefined once signed in. */
  submit: () => Promise<InvitationOutcome>;
}

/**
 * Accepting an invitation (docs/accounts.md): the server sets the password
 * the person chose and spends the code; the phone then signs in with the
 * login and that password through the ordinary sign-in (useSignIn), so the
 * account is kept and the first sync starts as after any sign-in. Everything
 * typed survives a refused code.
 */
export function useAcceptInvitation(onSignedIn?: (name: string) => void): AcceptInvitationForm {
  // The login and password live in the sign-in form: signing in afterwards sends exactly what was typed.
  const signIn = useSignIn(undefined, onSignedIn);
  const [code, setCode] = useState('');
  const [passwordAgain, setPasswordAgain] = useState('');
  const [stage, setStage] = useState<InvitationStage>('invitation');
  const [errors, setErrors] = useState<ReadonlyMap<InvitationField, InvitationFieldError>>(() => new Map());
  const [problem, setProblem] = useState<InvitationProblem>();
  const [accepting, setAccepting] = useState(false);
  // A ref, not state: a double tap arrives before React re-renders the disabled button.
  const inFlight = useRef(false);

  async function signInWithNewPassword(): Promise<InvitationOutcome> {
    return (await signIn.submit()) === undefined ? undefined : 'signInRefused';
  }

  async function acceptThenSignIn(): Promise<InvitationOutcome> {
    const result = await acceptInvitation(APP_SERVER.fetch, APP_SERVER.baseUrl, {
      code: code.trim(),
      password: signIn.password,
    });
    if (!result.ok) {
      setProblem({ reason: result.reason, minutes: minutesToWait(result.retryAfterSeconds) });
      return 'refused';
    }
    // The code is spent: from here on only signing in is left, even if that fails.
    setStage('signIn');
    setCode('');
    setPasswordAgain('');
    return signInWithNewPassword();
  }

  async function submit(): Promise<InvitationOutcome> {
    if (inFlight.current) return undefined;
    const values = { login: signIn.login, code, password: signIn.password, passwordAgain };
    const found = invitationErrors(values);
    if (stage === 'signIn') {
      // Only the login and the password are on the screen now.
      for (const field of ['code', 'passwordAgain'] as const) found.delete(field);
      if (found.get('password') !== 'required') found.delete('password');
    }
    setErrors(found);
    setProblem(undefined);
    if (found.size > 0) return 'invalid';
    inFlight.current = true;
    setAccepting(true);
    try {
      return await (stage === 'signIn' ? signInWithNewPassword() : acceptThenSignIn());
    } finally {
      inFlight.current = false;
      setAccepting(false);
    }
  }

  return {
    stage,
    login: signIn.login,
    code,
    password: signIn.password,
    passwordAgain,
    setLogin: signIn.setLogin,
    setCode,
    setPassword: signIn.setPassword,
    setPasswordAgain,
    errors,
    problem,
    signInProblem: signIn.problem,
    busy: accepting || signIn.busy,
    submit,
  };
}
