import { useTranslation } from 'react-i18next';
import type { SignInProblem } from './useSignIn.ts';

/** Why signing in did not work, in words the person can act on. */
export function SignInProblemText({ problem }: { problem: SignInProblem }) {
  const { t } = useTranslation(['account', 'common']);
  switch (problem.kind) {
    case 'differentAccount':
      return t('failure.differentAccount');
    case 'write':
      return t(`common:errors.${problem.failure}`);
    case 'refused':
      return problem.reason === 'too_many_attempts'
        ? t('failure.too_many_attempts', { count: problem.minutes })
        : t(`failure.${problem.reason}`);
  }
}
