import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../domain/localizedName.ts';
import { AdminPage } from './AdminPage.tsx';
import { AdminProblemAlert } from './AdminProblemAlert.tsx';
import { createInvitation, fetchOrganisations, fetchUsers } from './adminApi.ts';
import type { Invitation, UserSummary } from './adminTypes.ts';
import { DevicesSection } from './DevicesSection.tsx';
import { InvitationCard } from './InvitationCard.tsx';
import { RolesSection } from './RolesSection.tsx';
import { useAdminAction, useAdminLoad } from './useAdminRequest.ts';
import { usePlaces } from './usePlaces.ts';

/** A new one-time code for someone who lost theirs or forgot their password; earlier codes keep working until they expire. */
function NewCodeSection({ person }: { person: UserSummary }) {
  const { t } = useTranslation('admin');
  const action = useAdminAction();
  const [invitation, setInvitation] = useState<Invitation>();

  async function makeCode() {
    const result = await action.run(() => createInvitation(person.id));
    if (result?.ok) setInvitation(result.value);
  }

  return (
    <section aria-labelledby="admin-code-title">
      <h2 id="admin-code-title">{t('person.codeTitle')}</h2>
      <p className="field-hint">{person.hasPassword ? t('person.codeForgotten') : t('person.codePending')}</p>
      {action.problem ? <AdminProblemAlert problem={action.problem} words={{ notFound: t('person.gone') }} /> : null}
      {invitation ? (
        <InvitationCard person={person} invitation={invitation} />
      ) : (
        <button type="button" onClick={() => void makeCode()} disabled={action.busy}>
          {action.busy ? t('person.codeMaking') : t('person.codeMake')}
        </button>
      )}
      <p role="status" className="admin-progress">
        {action.busy ? t('person.codeMaking') : ''}
      </p>
    </section>
  );
}

/** One person: who they are, their roles, a new invitation code, and the phones they signed in on. */
export function PersonPage({ userId }: { userId: string }) {
  const { t } = useTranslation(['admin', 'common']);
  const users = useAdminLoad(fetchUsers);
  const organisations = useAdminLoad(fetchOrganisations);
  const places = usePlaces();
  const person = users.value?.find((user) => user.id === userId);
  const organisation = organisations.value?.find((item) => item.id === person?.organisationId);
  const back = { href: '#/admin/people', label: t('people.back') };

  if (person === undefined) {
    return (
      <AdminPage titleId="admin-person-title" title={t('person.title')} back={back}>
        {users.problem ? (
          <AdminProblemAlert problem={users.problem} words={{ forbidden: t('problem.adminOnly') }} />
        ) : null}
        {users.problem ? (
          <button type="button" onClick={users.reload} disabled={users.loading}>
            {t('retry')}
          </button>
        ) : null}
        <p role="status" className="admin-progress">
          {users.loading ? t('loading') : users.value ? t('person.gone') : ''}
        </p>
      </AdminPage>
    );
  }

  return (
    <AdminPage titleId="admin-person-title" title={person.displayName} back={back}>
      <dl className="admin-facts">
        <dt>{t('person.login')}</dt>
        <dd data-testid="person-login">{person.login}</dd>
        <dt>{t('person.organisation')}</dt>
        <dd>{organisation?.name ?? t('person.noOrganisation')}</dd>
        <dt>{t('person.language')}</dt>
        <dd>{isLanguage(person.locale) ? t(`common:languages.${person.locale}`) : person.locale}</dd>
        <dt>{t('person.status')}</dt>
        <dd>
          {person.disabled ? t('people.disabled') : person.hasPassword ? t('person.active') : t('people.invited')}
        </dd>
      </dl>
      <RolesSection person={person} places={places} onChanged={users.reload} />
      <NewCodeSection person={person} />
      <DevicesSection userId={person.id} personName={person.displayName} />
    </AdminPage>
  );
}
