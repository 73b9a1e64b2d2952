import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  confirmationProblem,
  MAX_PIN_LENGTH,
  MIN_PIN_LENGTH,
  newPinProblem,
  type PinProblem,
} from '../../domain/pinRules.ts';
import { setSessionProblem } from '../../state/sessionStore.ts';
import { showToast } from '../../state/toastStore.ts';
import { setWorkerFromAccount } from '../../state/workerStore.ts';
import { writeFailureOf, type WriteFailure } from '../../storage/writeFailure.ts';
import { requestSync } from '../../sync/syncController.ts';
import '../account/account.css';
import { choosePin } from './deviceLockFlow.ts';
import './lock.css';
import { PinField } from './PinField.tsx';

/**
 * Choosing the PIN after a password sign-in: on a new phone (a new data key,
 * any older plain rows sealed with it) or after a recovery. Nothing opens
 * before it; sealing a full phone takes a moment, so progress is shown.
 */
export function PinSetupPage({ recovered }: { recovered: boolean }) {
  const { t } = useTranslation(['lock', 'common']);
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [shown, setShown] = useState(false);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<WriteFailure>();
  const inFlight = useRef(false);
  const pinRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const pinProblem = newPinProblem(pin);
  const confirmProblem = pinProblem ? undefined : confirmationProblem(pin, confirmation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (inFlight.current) return;
    setChecked(true);
    setFailure(undefined);
    if (pinProblem) return pinRef.current?.focus();
    if (confirmProblem) return confirmRef.current?.focus();
    inFlight.current = true;
    setBusy(true);
    try {
      const account = await choosePin(pin);
      setWorkerFromAccount(account);
      setSessionProblem(null);
      requestSync('now');
      showToast(t('choose.done', { name: account.user.displayName }));
      window.location.hash = '#/today';
    } catch (error) {
      setFailure(writeFailureOf(error));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  const problemText = (problem: PinProblem | undefined) =>
    checked && problem ? t(`problems.${problem}` as const, { min: MIN_PIN_LENGTH, max: MAX_PIN_LENGTH }) : undefined;

  return (
    <section className="page sign-in" aria-labelledby="choose-pin-title">
      <h1 id="choose-pin-title">{recovered ? t('choose.titleAgain') : t('choose.title')}</h1>
      <p className="sign-in-why">{t('choose.why', { min: MIN_PIN_LENGTH })}</p>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        {failure ? (
          <p className="form-summary" role="alert">
            {t(`common:errors.${failure}`)}
          </p>
        ) : null}
        <PinField
          label={t('choose.pin')}
          value={pin}
          onValueChange={setPin}
          inputRef={pinRef}
          shown={shown}
          onShownChange={setShown}
          error={problemText(pinProblem)}
        />
        <PinField
          label={t('choose.confirm')}
          value={confirmation}
          onValueChange={setConfirmation}
          inputRef={confirmRef}
          shown={shown}
          onShownChange={setShown}
          error={problemText(confirmProblem)}
        />
        <button type="submit" className="button-primary sign-in-submit" disabled={busy}>
          {t('choose.submit')}
        </button>
        <p role="status" className="lock-progress">
          {busy ? t('choose.saving') : ''}
        </p>
      </form>
    </section>
  );
}
