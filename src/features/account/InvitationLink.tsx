import { useTranslation } from 'react-i18next';
import './invitation.css';

/** From the sign-in screen of a new device to setting one's password with an invitation code. */
export function InvitationLink() {
  const { t } = useTranslation('invitation');
  return (
    <p className="invitation-link">
      <a className="button" href="#/invitation">
        {t('link')}
      </a>
    </p>
  );
}
