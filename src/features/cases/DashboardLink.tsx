import { useTranslation } from 'react-i18next';
import { hasDashboardTab, seesDashboard } from '../dashboard/dashboardAccess.ts';
import { useAccessScope } from '../account/useWriteRights.ts';

/** The school's figures, for a school team or principal, whose tab bar has no Dashboard tab (dashboardAccess.ts). */
export function DashboardLink() {
  const { t } = useTranslation('cases');
  const scope = useAccessScope();
  if (scope === undefined || !seesDashboard(scope) || hasDashboardTab(scope)) return null;
  return (
    <p className="case-links">
      <a className="button" href="#/dashboard">
        {t('list.toDashboard')}
      </a>
    </p>
  );
}
