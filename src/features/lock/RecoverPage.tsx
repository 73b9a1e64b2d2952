import { useTranslation } from 'react-i18next';
import { SignInPage } from '../account/SignInPage.tsx';
import { backToPin } from './deviceLockFlow.ts';
import './lock.css';

/**
 * Opening a locked phone with the password instead of the PIN (forgotten, or
 * wiped after too many wrong tries): the server's recovery secret opens the
 * data key again, unsent work included, and a new PIN is chosen.
 */
export function RecoverPage({ pinWiped }: { pinWiped: boolean }) {
  const { t } = useTranslation('lock');
  const intro = pinWiped
    ? { title: t('recover.wipedTitle'), why: t('recover.wipedWhy') }
    : { title: t('recover.title'), why: t('recover.why') };
  return (
    <>
      <SignInPage account={null} intro={intro} />
      {pinWiped ? null : (
        <div className="sign-in">
          <button type="button" className="lock-secondary" onClick={() => void backToPin()}>
            {t('recover.back')}
          </button>
        </div>
      )}
    </>
  );
}
