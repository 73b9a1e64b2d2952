import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminPage } from './AdminPage.tsx';
import { AdminProblemAlert } from './AdminProblemAlert.tsx';
import { fetchOrganisations } from './adminApi.ts';
import type { Organisation } from './adminTypes.ts';
import { OrganisationForm } from './OrganisationForm.tsx';
import { useAdminLoad } from './useAdminRequest.ts';
import { usePlaces, type Places } from './usePlaces.ts';

function placeOf(organisation: Organisation, places: Places): string | undefined {
  return places.schoolName(organisation.schoolId) ?? places.municipalityName(organisation.municipalityId);
}

/** Organisations: the list on the server, and adding one (a school, CSO, directorate, centre for social work, ministry). */
export function OrganisationsPage() {
  const { t } = useTranslation('admin');
  const places = usePlaces();
  const list = useAdminLoad(fetchOrganisations);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string>();

  function onCreated(organisation: Organisation) {
    setAdded(organisation.name);
    setAdding(false);
    list.reload();
  }

  return (
    <AdminPage titleId="admin-organisations-title" title={t('organisations.title')} intro={t('organisations.why')}>
      <p role="status" className="admin-done">
        {added === undefined ? '' : t('organisations.added', { name: added })}
      </p>
      {adding ? (
        <OrganisationForm places={places} onCreated={onCreated} onCancel={() => setAdding(false)} />
      ) : (
        <p>
          <button
            type="button"
            className="button-primary admin-submit"
            onClick={() => {
              setAdded(undefined);
              setAdding(true);
            }}
          >
            {t('organisations.add')}
          </button>
        </p>
      )}
      <h2>{t('organisations.list')}</h2>
      {list.problem ? <AdminProblemAlert problem={list.problem} words={{ forbidden: t('problem.adminOnly') }} /> : null}
      {list.problem ? (
        <button type="button" onClick={list.reload} disabled={list.loading}>
          {t('retry')}
        </button>
      ) : null}
      <p role="status" className="admin-progress">
        {list.loading ? t('loading') : ''}
      </p>
      {list.value ? (
        <>
          <p className="list-count">{t('organisations.count', { count: list.value.length })}</p>
          <ul className="card-list" aria-label={t('organisations.list')}>
            {list.value.map((organisation) => (
              <li key={organisation.id} className="card">
                <span className="card-title">{organisation.name}</span>
                <span className="card-detail">
                  {[t(`kind.${organisation.kind}`), placeOf(organisation, places)].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </AdminPage>
  );
}
