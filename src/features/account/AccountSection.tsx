import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/formatDate.ts';
import './account.css';
import { SignOutPanel } from './SignOutPanel.tsx';
import { useDeviceAccount } from './useDeviceAccount.ts';

/** Settings → Account: who is signed in on this phone, until when, and signing out. */
export function AccountSection() {
  const { t, i18n } = useTranslation('account');
  const account = useDeviceAccount();
  if (!account) return null;
  const roles = account.scope.roles.map((role) => t(`role.${role}`));
  return (
    <section aria-labelledby="account-title" data-testid="account">
      <h2 id="account-title">{t('account.title')}</h2>
      <dl className="account-facts">
        <dt>{t('account.name')}</dt>
        <dd data-testid="account-name">{account.user.displayName}</dd>
        <dt>{t('account.login')}</dt>
        <dd data-testid="account-login">{account.user.login}</dd>
        <dt>{t('account.roles')}</dt>
        <dd data-testid="account-roles">{new Intl.ListFormat(i18n.language).format(roles)}</dd>
        <dt>{t('account.session')}</dt>
        <dd>{t('account.sessionUntil', { date: formatDateTime(account.sessionExpiresAt, i18n.language) })}</dd>
      </dl>
      <SignOutPanel />
    </section>
  );
}
