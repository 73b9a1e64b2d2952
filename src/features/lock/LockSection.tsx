import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../ui/ChoiceField.tsx';
import { lockNow } from './deviceLockFlow.ts';
import {
  IDLE_LOCK_CHOICES,
  loadIdleLockMinutes,
  saveIdleLockMinutes,
  type IdleLockMinutes,
} from './idleLockSetting.ts';
import './lock.css';

/** Settings: how soon Ura locks itself, and locking at once (handing the phone to someone else). */
export function LockSection() {
  const { t } = useTranslation('lock');
  const [minutes, setMinutes] = useState<IdleLockMinutes>(loadIdleLockMinutes);
  return (
    <section aria-labelledby="lock-title">
      <h2 id="lock-title">{t('settings.title')}</h2>
      <p>{t('settings.why')}</p>
      <ChoiceField
        label={t('settings.after')}
        name="idle-lock"
        value={String(minutes)}
        onValueChange={(value) => {
          const chosen = IDLE_LOCK_CHOICES.find((choice) => String(choice) === value) ?? minutes;
          setMinutes(chosen);
          saveIdleLockMinutes(chosen);
        }}
        options={IDLE_LOCK_CHOICES.map((choice) => ({
          value: String(choice),
          label: t('settings.minutes', { count: choice }),
        }))}
      />
      <button type="button" className="lock-secondary" onClick={() => void lockNow()}>
        {t('settings.lockNow')}
      </button>
    </section>
  );
}
