import { useTranslation } from 'react-i18next';
import type { AdminProblem } from './adminApi.ts';
import { namedPaths } from './fieldIssues.ts';

/** Words for a refusal that means something particular to the request (a 409 on a login, a 404 on a device). */
export type ProblemWords = Partial<Record<'conflict' | 'notFound' | 'forbidden', string>>;

interface AdminProblemAlertProps {
  problem: AdminProblem;
  words?: ProblemWords;
  /** The labels of the form's fields by API name, so a 400 says which field in the person's words. */
  fieldLabels?: Readonly<Record<string, string>>;
}

/** Why the server did not do it, in words the administrator can act on, announced at once. */
export function AdminProblemAlert({ problem, words = {}, fieldLabels = {} }: AdminProblemAlertProps) {
  const { t, i18n } = useTranslation('admin');

  function message(): string {
    switch (problem.kind) {
      case 'invalid': {
        const labels = namedPaths(problem).map((path) => fieldLabels[path] ?? t('problem.otherField'));
        if (labels.length === 0) return t('problem.invalidUnnamed');
        const fields = new Intl.ListFormat(i18n.language).format([...new Set(labels)]);
        return t('problem.invalid', { count: labels.length, fields });
      }
      case 'conflict':
      case 'notFound':
      case 'forbidden':
        return words[problem.kind] ?? t(`problem.${problem.kind}`);
      default:
        return t(`problem.${problem.kind}`);
    }
  }

  return (
    <div className="form-summary" role="alert" data-testid="admin-problem">
      <p>{message()}</p>
      {problem.kind === 'signedOut' ? (
        <p>
          <a href="#/sign-in">{t('problem.signInAgain')}</a>
        </p>
      ) : null}
    </div>
  );
}
