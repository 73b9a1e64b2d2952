import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from '../../domain/localizedName.ts';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { AdminPage } from './AdminPage.tsx';
import { AdminProblemAlert } from './AdminProblemAlert.tsx';
import { fetchOrganisations } from './adminApi.ts';
import { InvitationCard } from './InvitationCard.tsx';
import { usePersonForm, type PersonField } from './personForm.ts';
import { useAdminLoad } from './useAdminRequest.ts';
import { useFaultText } from './useFaultText.ts';

/**
 * Adding a person: their name, the login they will sign in with, their
 * organisation and language. The server answers with a one-time invitation
 * code, shown here large and copyable, with where and until when it works.
 */
export function NewPersonPage() {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const faultText = useFaultText();
  const formRef = useRef<HTMLFormElement>(null);
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  const form = usePersonForm(language);
  const organisations = useAdminLoad(fetchOrganisations);
  const { draft, faults, action, created } = form;
  const labels: Record<PersonField, string> = {
    displayName: t('person.displayName'),
    login: t('person.login'),
    organisationId: t('person.organisation'),
    locale: t('person.language'),
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const outcome = await form.submit();
    if (outcome === 'invalid' || outcome === 'refused') focusFirstInvalidNextFrame(formRef.current);
  }

  if (created) {
    const { user, invitation } = created;
    return (
      <AdminPage titleId="admin-new-person-title" title={t('person.createdTitle', { name: user.displayName })}>
        {invitation ? <InvitationCard person={user} invitation={invitation} /> : null}
        <div className="admin-actions admin-actions-column">
          <a className="button button-primary" href={`#/admin/people/${user.id}`}>
            {t('person.giveRole', { name: user.displayName })}
          </a>
          <button type="button" onClick={form.startAgain}>
            {t('person.another')}
          </button>
        </div>
      </AdminPage>
    );
  }

  return (
    <AdminPage
      titleId="admin-new-person-title"
      title={t('person.newTitle')}
      intro={t('person.why')}
      back={{ href: '#/admin/people', label: t('people.back') }}
    >
      <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)}>
        {action.problem ? (
          <AdminProblemAlert
            problem={action.problem}
            fieldLabels={labels}
            words={{ conflict: t('person.loginTaken'), forbidden: t('problem.adminOnly') }}
          />
        ) : null}
        <TextField
          label={labels.displayName}
          name="display-name"
          value={draft.displayName}
          onValueChange={(value) => form.set('displayName', value)}
          maxLength={200}
          autoComplete="off"
          error={faultText(faults.get('displayName'))}
        />
        <TextField
          label={labels.login}
          name="new-login"
          hint={t('person.loginHint')}
          value={draft.login}
          onValueChange={(value) => form.set('login', value)}
          maxLength={100}
          autoComplete="off"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          error={faultText(faults.get('login'), { invalid_format: t('issue.login'), taken: t('person.loginTaken') })}
        />
        <SelectField
          label={labels.organisationId}
          value={draft.organisationId}
          options={(organisations.value ?? []).map((organisation) => ({
            value: organisation.id,
            label: organisation.name,
          }))}
          placeholder={t('person.noOrganisation')}
          hint={organisations.problem ? t('person.organisationsMissing') : undefined}
          onValueChange={(value) => form.set('organisationId', value)}
          error={faultText(faults.get('organisationId'))}
        />
        <SelectField
          label={labels.locale}
          value={draft.locale}
          options={LANGUAGES.map((tag) => ({ value: tag, label: t(`common:languages.${tag}`) }))}
          placeholder={t('person.chooseLanguage')}
          onValueChange={(value) => {
            if (isLanguage(value)) form.set('locale', value);
          }}
          error={faultText(faults.get('locale'))}
        />
        <button type="submit" className="button-primary admin-submit" disabled={action.busy}>
          {action.busy ? t('person.creating') : t('person.submit')}
        </button>
        <p role="status" className="admin-progress">
          {action.busy ? t('person.creating') : ''}
        </p>
      </form>
    </AdminPage>
  );
}
