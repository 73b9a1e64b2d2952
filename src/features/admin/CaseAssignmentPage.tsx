import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDeviceAccount } from '../account/useDeviceAccount.ts';
import { mayAssignCases } from './adminAccess.ts';
import { AdminPage } from './AdminPage.tsx';
import { AdminProblemAlert } from './AdminProblemAlert.tsx';
import { fetchUsers } from './adminApi.ts';
import { useAssignmentForm, type AssignmentChange } from './caseAssignmentForm.ts';
import { useAdminLoad } from './useAdminRequest.ts';
import { useFaultText } from './useFaultText.ts';

/**
 * Giving a case to a CSO mentor, or taking it away, by the case's id (an
 * administrator has no case list: the school team sends the id). The server
 * lets only the school team or principal of the case's school do it, since
 * it opens a child's file to the mentor; its refusal is explained, not hidden.
 */
export function CaseAssignmentPage() {
  const { t } = useTranslation('admin');
  const faultText = useFaultText();
  const formRef = useRef<HTMLFormElement>(null);
  const account = useDeviceAccount();
  const users = useAdminLoad(fetchUsers);
  const form = useAssignmentForm();
  const mentors = useMemo(
    () =>
      (users.value ?? [])
        .filter((user) => user.roles.some((assignment) => assignment.role === 'mentor'))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    [users.value],
  );
  const mentorName = (id: string) => mentors.find((mentor) => mentor.id === id)?.displayName ?? '';
  const giving = form.lastChange !== 'take';

  async function send(change: AssignmentChange) {
    const outcome = await form.submit(change);
    if (outcome === 'invalid') focusFirstInvalidNextFrame(formRef.current);
  }

  return (
    <AdminPage titleId="admin-cases-title" title={t('cases.title')} intro={t('cases.why')}>
      {account && !mayAssignCases(account.scope) ? (
        <p className="admin-notice" data-testid="cases-rule">
          {t('cases.rule')}
        </p>
      ) : null}
      <p role="status" className="admin-done">
        {form.done
          ? t(form.done.change === 'give' ? 'cases.given' : 'cases.taken', { name: mentorName(form.done.mentorId) })
          : ''}
      </p>
      <form ref={formRef} noValidate onSubmit={(event) => event.preventDefault()}>
        {form.action.problem ? (
          <AdminProblemAlert
            problem={form.action.problem}
            words={{
              forbidden: t('cases.forbidden'),
              notFound: giving ? t('cases.notMentor') : t('person.gone'),
            }}
          />
        ) : null}
        {users.problem ? (
          <AdminProblemAlert problem={users.problem} words={{ forbidden: t('problem.adminOnly') }} />
        ) : null}
        <TextField
          label={t('cases.caseId')}
          name="case-id"
          hint={t('cases.caseIdHint')}
          value={form.caseText}
          onValueChange={form.setCaseText}
          autoComplete="off"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={200}
          error={faultText(form.faults.get('caseId'), { invalid_format: t('cases.caseIdFormat') })}
        />
        <SelectField
          label={t('cases.mentor')}
          value={form.mentorId}
          options={mentors.map((mentor) => ({ value: mentor.id, label: `${mentor.displayName} (${mentor.login})` }))}
          placeholder={users.loading ? t('loading') : t('cases.chooseMentor')}
          hint={users.value && mentors.length === 0 ? t('cases.noMentors') : undefined}
          onValueChange={form.setMentorId}
          error={faultText(form.faults.get('mentorId'))}
        />
        <div className="admin-actions admin-actions-column">
          <button
            type="button"
            className="button-primary"
            disabled={form.action.busy}
            onClick={() => void send('give')}
          >
            {form.action.busy && giving ? t('cases.giving') : t('cases.give')}
          </button>
          <button type="button" disabled={form.action.busy} onClick={() => void send('take')}>
            {form.action.busy && !giving ? t('cases.taking') : t('cases.take')}
          </button>
        </div>
        <p role="status" className="admin-progress">
          {form.action.busy ? (giving ? t('cases.giving') : t('cases.taking')) : ''}
        </p>
      </form>
    </AdminPage>
  );
}
