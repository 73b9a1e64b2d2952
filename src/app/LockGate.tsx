import { Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeviceAccount } from '../features/account/useDeviceAccount.ts';
import { checkVault } from '../features/lock/deviceLockFlow.ts';
import { UnlockPage } from '../features/lock/UnlockPage.tsx';
import { useIdleLock } from '../features/lock/useIdleLock.ts';
import { useLockStore } from '../state/lockStore.ts';
import { MAX_PIN_ATTEMPTS } from '../storage/deviceVault.ts';
import { Toast } from '../ui/Toast.tsx';
import { LazyPinSetupPage, LazyRecoverPage, LazySignInPage } from './lazyAccessScreens.ts';

/** The app's frame with only its name: nothing behind the lock is reachable. */
function LockFrame({ children, busy = false }: { children: ReactNode; busy?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="app" aria-busy={busy || undefined}>
      <header className="app-header">
        <p className="app-name">{t('app.name')}</p>
      </header>
      <main className="app-main">
        <Suspense fallback={<p role="status">{t('loading')}</p>}>{children}</Suspense>
      </main>
      <Toast />
    </div>
  );
}

/** Locks the app after the idle time, while it is open. */
function IdleLock({ children }: { children: ReactNode }) {
  useIdleLock();
  return children;
}

/**
 * No key yet. A new or wiped phone signs in (the app's own sign-in screen,
 * then a PIN). A phone with data from before encryption must sign in again
 * and choose a PIN before its data is shown, and its rows are then sealed.
 */
function NoKeyGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation(['lock', 'common']);
  const account = useDeviceAccount();
  if (account === undefined) return <LockFrame busy>{null}</LockFrame>;
  if (account === null) return children;
  return (
    <LockFrame>
      <LazySignInPage account={account} intro={{ title: t('protect.title'), why: t('protect.why') }} />
    </LockFrame>
  );
}

/**
 * Gates the app on the phone's data key (docs/encryption.md): the PIN on a
 * locked phone, a password sign-in when the PIN was forgotten or wiped, a new
 * PIN after any password sign-in, and the app itself only while unlocked.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const phase = useLockStore((state) => state.phase);
  useEffect(() => {
    // main.tsx reads the vault while the app starts; this covers a gate mounted without it.
    if (useLockStore.getState().phase.kind === 'checking') void checkVault();
  }, []);
  switch (phase.kind) {
    case 'checking':
      return (
        <LockFrame busy>
          <p role="status">{t('loading')}</p>
        </LockFrame>
      );
    case 'locked':
      return (
        <LockFrame>
          <UnlockPage attemptsLeft={phase.attemptsLeft} wrongTries={phase.attemptsLeft < MAX_PIN_ATTEMPTS} />
        </LockFrame>
      );
    case 'pinWiped':
    case 'recovering':
      return (
        <LockFrame>
          <LazyRecoverPage pinWiped={phase.kind === 'pinWiped'} />
        </LockFrame>
      );
    case 'choosePin':
      return (
        <LockFrame>
          <LazyPinSetupPage recovered={phase.recovered} />
        </LockFrame>
      );
    case 'none':
      return <NoKeyGate>{children}</NoKeyGate>;
    case 'unlocked':
      return <IdleLock>{children}</IdleLock>;
  }
}
