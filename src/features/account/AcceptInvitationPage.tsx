import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsOnline } from '../../state/onlineState.ts';
import { showToast } from '../../state/toastStore.ts';
import { MAX_INVITATION_CODE_LENGTH, MAX_NEW_PASSWORD_LENGTH, MIN_NEW_PASSWORD_LENGTH } from '../../sync/sessionApi.ts';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';
import { TextField } from '../../ui/TextField.tsx';
import './account.css';
import './invitation.css';

import { PasswordField } from './PasswordField.tsx';
import { SignInProblemText } from './SignInProblemText.tsx';
import { useAcceptInvitation, type InvitationField, type InvitationProblem } from './useAcceptInvitation.ts';

const LOGIN_INPUT = 'username';
const CODE_INPUT = 'one-time-code';

function InvitationProblemText({ problem }: { problem: InvitationProblem }) {
  const { t } = useTranslation('invitation');
  return problem.reason === 'too_many_attempts'
    ? t('failure.too_many_attempts', { count: problem.minutes })
    : t(`failure.${problem.reason}`);
}

/**
 * A new person's first screen: the login and invitation code an administrator
 * handed over, and a password they choose (docs/accounts.md). Once the server
 * takes the code, the phone signs in with the new password and opens Today.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation(['invitation', 'account']);
  const isOnline = useIsOnline();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useAcceptInvitation((name) => showToast(t('done', { name })));
  const accepted = form.stage === 'signIn';
  // Once the code is taken, the same tap goes on to sign in: the words follow the step.
  const progress = accepted ? t('account:signIn.submitting') : t('submitting');

  function errorOf(field: InvitationField): string | undefined {
    switch (form.errors.get(field)) {
      case undefined:
        return undefined;
      case 'required':
        return accepted && field === 'password' ? t('account:signIn.required.password') : t(`required.${field}`);
      case 'tooShort':
        return t('tooShort', { count: MIN_NEW_PASSWORD_LENGTH });
      case 'tooLong':
        return t('tooLong', { count: MAX_NEW_PASSWORD_LENGTH });
      case 'mismatch':
        return t('mismatch');
    }
  }

  function focusInput(name: string) {
    formRef.current?.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.focus();
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const outcome = await form.submit();
    if (outcome === 'invalid') focusFirstInvalidNextFrame(formRef.current);
    // A refused code is most often a mistyped one: back to it, with everything typed kept.
    if (outcome === 'refused') focusInput(CODE_INPUT);
    // The new password was just set, so a refused sign-in most likely means a mistyped login.
    if (outcome === 'signInRefused') focusInput(LOGIN_INPUT);
  }

  return (
    <section className="page sign-in" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{accepted ? t('accepted.title') : t('title')}</h1>
      {accepted ? <p className="sign-in-notice">{t('accepted.notice')}</p> : <p className="sign-in-why">{t('why')}</p>}
      {isOnline ? null : (
        <p className="sign-in-offline" data-testid="invitation-offline">
          {t('offline')}
        </p>
      )}
      <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)}>
        {form.errors.size > 0 ? (
          <p className="form-summary" role="alert">
            {t('summary', { count: form.errors.size })}
          </p>
        ) : null}
        {form.problem || form.signInProblem ? (
          <p className="form-summary" role="alert" data-testid="invitation-problem">
            {form.problem ? <InvitationProblemText problem={form.problem} /> : null}
            {form.signInProblem ? <SignInProblemText problem={form.signInProblem} /> : null}
          </p>
        ) : null}
        <TextField
          label={t('login')}
          name={LOGIN_INPUT}
          value={form.login}
          onValueChange={form.setLogin}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={200}
          error={errorOf('login')}
        />
        {accepted ? (
          <PasswordField
            label={t('accepted.password')}
            value={form.password}
            onValueChange={form.setPassword}
            error={errorOf('password')}
          />
        ) : (
          <>
            <TextField
              label={t('code')}
              name={CODE_INPUT}
              value={form.code}
              onValueChange={form.setCode}
              autoComplete="one-time-code"
              // Letters and digits ("7KQ2-M9XD-…"): a text keyboard that starts in capitals, never a number pad.
              inputMode="text"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              maxLength={MAX_INVITATION_CODE_LENGTH}
              error={errorOf('code')}
            />
            <PasswordField
              purpose="new-password"
              name="new-password"
              label={t('newPassword', { count: MIN_NEW_PASSWORD_LENGTH })}
              value={form.password}
              onValueChange={form.setPassword}
              error={errorOf('password')}
            />
            <PasswordField
              purpose="new-password"
              name="new-password-again"
              label={t('passwordAgain')}
              value={form.passwordAgain}
              onValueChange={form.setPasswordAgain}
              error={errorOf('passwordAgain')}
            />
          </>
        )}
        <button type="submit" className="button-primary sign-in-submit" disabled={form.busy}>
          {form.busy ? progress : accepted ? t('accepted.submit') : t('submit')}
        </button>
        <p role="status" className="sign-in-progress">
          {form.busy ? progress : ''}
        </p>
      </form>
      <p className="invitation-back">
        <a href="#/">{t('back')}</a>
      </p>
    </section>
  );
}
