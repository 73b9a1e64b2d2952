import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsOnline } from '../../state/onlineState.ts';
import { useSessionStore } from '../../state/sessionStore.ts';
import { showToast } from '../../state/toastStore.ts';
import type { DeviceAccount } from '../../storage/accountRepository.ts';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';
import { TextField } from '../../ui/TextField.tsx';
import './account.css';
import { InvitationLink } from './InvitationLink.tsx';
import { PasswordField } from './PasswordField.tsx';
import { SignInProblemText } from './SignInProblemText.tsx';
import { useSignIn } from './useSignIn.ts';

/** The title and reason shown instead of the first sign-in's, when signing in opens a locked phone again. */
export interface SignInIntro {
  title: string;
  why: string;
}

/**
 * Sign-in: the first screen of a new device (`account` null), and signing in
 * again once the session ended (`account` the one on the phone: only its
 * login may sign in, since another person's sign-in needs a wiped phone).
 */
export function SignInPage({ account, intro }: { account: DeviceAccount | null; intro?: SignInIntro }) {
  const { t } = useTranslation(['account', 'common']);
  const isOnline = useIsOnline();
  const problem = useSessionStore((state) => state.problem);
  const formRef = useRef<HTMLFormElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const again = account !== null;
  const form = useSignIn(account?.user.login, (name) => showToast(t('signIn.done', { name })));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const outcome = await form.submit();
    if (outcome === 'invalid') focusFirstInvalidNextFrame(formRef.current);
    // The password was cleared: the next try starts there, with the login kept.
    if (outcome === 'refused') passwordRef.current?.focus();
  }

  return (
    <section className="page sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{intro?.title ?? (again ? t('again.title') : t('signIn.title'))}</h1>
      {intro ? (
        <p className="sign-in-why">{intro.why}</p>
      ) : again ? null : (
        <p className="sign-in-why">{t('signIn.why')}</p>
      )}
      {!again && problem === 'revoked' ? <p className="sign-in-notice">{t('revoked')}</p> : null}
      {again && problem === 'signedOut' ? <p className="sign-in-notice">{t('again.signedOut')}</p> : null}
      {again ? <p className="field-hint">{t('again.onlyThisLogin', { login: account.user.login })}</p> : null}
      {isOnline ? null : (
        <p className="sign-in-offline" data-testid="sign-in-offline">
          {t('signIn.offline')}
        </p>
      )}
      <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)}>
        {form.missing.size > 0 ? (
          <p className="form-summary" role="alert">
            {t('signIn.summary', { count: form.missing.size })}
          </p>
        ) : null}
        {form.problem ? (
          <p className="form-summary" role="alert" data-testid="sign-in-problem">
            <SignInProblemText problem={form.problem} />
          </p>
        ) : null}
        <TextField
          label={t('signIn.login')}
          name="username"
          value={form.login}
          onValueChange={form.setLogin}
          readOnly={again}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={200}
          error={form.missing.has('login') ? t('signIn.required.login') : undefined}
        />
        <PasswordField
          label={t('signIn.password')}
          value={form.password}
          onValueChange={form.setPassword}
          inputRef={passwordRef}
          error={form.missing.has('password') ? t('signIn.required.password') : undefined}
        />
        <button type="submit" className="button-primary sign-in-submit" disabled={form.busy}>
          {form.busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
        <p role="status" className="sign-in-progress">
          {form.busy ? t('signIn.submitting') : ''}
        </p>
      </form>
      {again || intro ? null : <InvitationLink />}
    </section>
  );
}
