import { useTranslation } from 'react-i18next';
import { AdminPage } from './AdminPage.tsx';

const AREAS = [
  { href: '#/admin/people', key: 'people' },
  { href: '#/admin/organisations', key: 'organisations' },
  { href: '#/admin/cases', key: 'cases' },
] as const;

/** Administration's first screen: people (accounts, roles, devices), organisations, and case assignment. */
export function AdminHomePage() {
  const { t } = useTranslation('admin');
  return (
    <AdminPage titleId="admin-title" title={t('home.title')} intro={t('home.why')} back={null}>
      <ul className="card-list">
        {AREAS.map(({ href, key }) => (
          <li key={key}>
            <a className="card" href={href}>
              <span className="card-title">{t(`home.${key}.title`)}</span>
              <span className="card-detail">{t(`home.${key}.hint`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </AdminPage>
  );
}
