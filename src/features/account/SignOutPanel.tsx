import { useTranslation } from 'react-i18next';
import { LockedExportForm } from '../outbox/LockedExportForm.tsx';
import { useSignOut, type SignOut, type SignOutStep } from './useSignOut.ts';

type UnsentStep = Extract<SignOutStep, { name: 'unsent' }>;

/**
 * The changes that would be lost: export them to a file locked with a
 * passphrase (to bring back on another phone), try sending again, or
 * discard them after a second yes.
 */
function UnsentChanges({ step, actions }: { step: UnsentStep; actions: SignOut }) {
  const { count, discarding, exporting } = step;
  const { t } = useTranslation(['account', 'common']);
  return (
    <div data-testid="sign-out-unsent">
      <p className="form-summary" role="alert">
        {t('signOut.unsent', { count })}
      </p>
      <div className="sign-out-actions">
        <button type="button" onClick={actions.askExport} aria-expanded={exporting}>
          {t('signOut.export')}
        </button>
        <button type="button" onClick={() => void actions.start()}>
          {t('signOut.retry')}
        </button>
        <button type="button" onClick={actions.askDiscard} aria-expanded={discarding}>
          {t('signOut.discard')}
        </button>
      </div>
      {exporting ? <LockedExportForm onSave={actions.exportFile} /> : null}
      {discarding ? (
        <div className="sign-out-confirm" role="group" aria-labelledby="sign-out-discard-question">
          <p id="sign-out-discard-question">{t('signOut.discardConfirm', { count })}</p>
          <div className="sign-out-actions">
            <button type="button" className="sign-out-danger" onClick={() => void actions.finish()}>
              {t('signOut.discardButton')}
            </button>
            <button type="button" onClick={actions.cancel}>
              {t('common:actions.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** Sign out of this phone: what waits is sent first, and nothing unsent goes without the person saying so. */
export function SignOutPanel() {
  const { t } = useTranslation(['account', 'common']);
  const actions = useSignOut();
  const { step } = actions;
  const progress =
    step.name === 'preparing' ? t('signOut.preparing') : step.name === 'finishing' ? t('signOut.signingOut') : '';
  return (
    <section aria-labelledby="sign-out-title" data-testid="sign-out">
      <h3 id="sign-out-title">{t('signOut.title')}</h3>
      <p className="field-hint">{t('signOut.hint')}</p>
      {actions.failure ? (
        <p className="form-summary" role="alert">
          {actions.failure === 'finish' ? t('signOut.failed') : t('signOut.exportFailed')}
        </p>
      ) : null}
      {step.name === 'idle' ? (
        <button type="button" onClick={() => void actions.start()}>
          {t('signOut.start')}
        </button>
      ) : null}
      {step.name === 'confirm' ? (
        <div className="sign-out-confirm" role="group" aria-labelledby="sign-out-question">
          <p id="sign-out-question">{t('signOut.confirm')}</p>
          <div className="sign-out-actions">
            <button type="button" className="sign-out-danger" onClick={() => void actions.finish()}>
              {t('signOut.confirmButton')}
            </button>
            <button type="button" onClick={actions.cancel}>
              {t('common:actions.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {step.name === 'unsent' ? <UnsentChanges step={step} actions={actions} /> : null}
      <p role="status" className="sign-out-progress">
        {progress}
      </p>
    </section>
  );
}
