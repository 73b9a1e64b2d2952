import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldForSearch, matchesSearch } from '../../domain/searchText.ts';
import { TextField } from '../../ui/TextField.tsx';
import { AdminPage } from './AdminPage.tsx';
import { AdminProblemAlert } from './AdminProblemAlert.tsx';
import { fetchOrganisations, fetchUsers } from './adminApi.ts';
import type { UserSummary } from './adminTypes.ts';
import { useAdminLoad } from './useAdminRequest.ts';
import { usePlaces } from './usePlaces.ts';
import { useRoleText } from './roleText.ts';

function searchKey(user: UserSummary): string {
  return foldForSearch(`${user.displayName} ${user.login}`);
}

/** People with an account: find one by name or login, open them (roles, devices, a new code), or add someone. */
export function PeoplePage() {
  const { t } = useTranslation('admin');
  const users = useAdminLoad(fetchUsers);
  const organisations = useAdminLoad(fetchOrganisations);
  const roleText = useRoleText(usePlaces());
  const [query, setQuery] = useState('');
  const organisationNames = useMemo(
    () => new Map((organisations.value ?? []).map((organisation) => [organisation.id, organisation.name])),
    [organisations.value],
  );
  // Two roles in words, then a count: the demo school team holds one grant per school.
  const rolesSummary = (user: UserSummary) => {
    if (user.roles.length === 0) return t('people.noRole');
    const named = user.roles.slice(0, 2).map(roleText).join('; ');
    const more = user.roles.length - 2;
    return more > 0 ? `${named}; ${t('people.moreRoles', { count: more })}` : named;
  };
  const shown = useMemo(() => {
    const all = [...(users.value ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName));
    return query.trim() === '' ? all : all.filter((user) => matchesSearch(searchKey(user), query));
  }, [users.value, query]);

  return (
    <AdminPage titleId="admin-people-title" title={t('people.title')} intro={t('people.why')}>
      <p>
        <a className="button button-primary admin-submit" href="#/admin/people/new">
          {t('people.add')}
        </a>
      </p>
      {users.problem ? (
        <AdminProblemAlert problem={users.problem} words={{ forbidden: t('problem.adminOnly') }} />
      ) : null}
      {users.problem ? (
        <button type="button" onClick={users.reload} disabled={users.loading}>
          {t('retry')}
        </button>
      ) : null}
      <p role="status" className="admin-progress">
        {users.loading ? t('loading') : ''}
      </p>
      {users.value ? (
        <>
          <TextField
            label={t('people.search')}
            type="search"
            value={query}
            onValueChange={setQuery}
            autoComplete="off"
            autoCapitalize="none"
          />
          <p className="list-count">{t('people.count', { count: shown.length })}</p>
          <ul className="card-list" aria-label={t('people.title')}>
            {shown.map((user) => (
              <li key={user.id}>
                <a className="card" href={`#/admin/people/${user.id}`}>
                  <span className="card-title">{user.displayName}</span>
                  <span className="card-detail">
                    {[user.login, user.organisationId === null ? null : organisationNames.get(user.organisationId)]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  <span className="card-detail">{rolesSummary(user)}</span>
                  {user.hasPassword ? null : <span className="admin-badge">{t('people.invited')}</span>}
                  {user.disabled ? <span className="admin-badge">{t('people.disabled')}</span> : null}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </AdminPage>
  );
}
