import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../account/account.css';
import './lock.css';
import { forgotPin, unlock } from './deviceLockFlow.ts';
import { PinField } from './PinField.tsx';

/**
 * The first screen of a locked phone: the PIN, offline. Wrong PINs say how
 * many tries are left before the phone forgets its PIN; "forgot" leads to a
 * password sign-in, which needs a connection.
 */
export function UnlockPage({ attemptsLeft, wrongTries }: { attemptsLeft: number; wrongTries: boolean }) {
  const { t } = useTranslation('lock');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const inFlight = useRef(false);
  const pinRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (inFlight.current) return;
    setMissing(pin === '');
    if (pin === '') {
      pinRef.current?.focus();
      return;
    }
    inFlight.current = true;
    setBusy(true);
    try {
      await unlock(pin);
    } finally {
      inFlight.current = false;
      setBusy(false);
      setPin('');
      pinRef.current?.focus();
    }
  }

  return (
    <section className="page sign-in" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('unlock.title')}</h1>
      <p className="sign-in-why">{t('unlock.why')}</p>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        {wrongTries ? (
          <p className="form-summary" role="alert" data-testid="unlock-wrong">
            {t('unlock.wrong', { count: attemptsLeft })}
          </p>
        ) : null}
        <PinField
          label={t('unlock.pin')}
          value={pin}
          onValueChange={setPin}
          inputRef={pinRef}
          error={missing ? t('problems.required') : undefined}
        />
        <button type="submit" className="button-primary sign-in-submit" disabled={busy}>
          {busy ? t('unlock.unlocking') : t('unlock.submit')}
        </button>
        <p role="status" className="sign-in-progress">
          {busy ? t('unlock.unlocking') : ''}
        </p>
      </form>
      <button type="button" className="lock-secondary" onClick={forgotPin}>
        {t('unlock.forgot')}
      </button>
    </section>
  );
}
