import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../i18n/setupI18n.ts';
import { LANGUAGES, type Language } from '../../i18n/languages.ts';
import { AccountSection } from '../account/AccountSection.tsx';
import { AuditSettingsLink } from '../audit/AuditSettingsLink.tsx';
import { LockSection } from '../lock/LockSection.tsx';
import { StorageSection } from './StorageSection.tsx';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  // Shown at once; the language files may take a moment to load.
  const [selected, setSelected] = useState(i18n.language);

  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <fieldset className="field choice">
        <legend>{t('settings.language')}</legend>
        <p className="field-hint">{t('settings.languageHint')}</p>
        <div className="choice-options choice-column">
          {LANGUAGES.map((language: Language) => (
            <label key={language} className="choice-option" lang={language}>
              <input
                type="radio"
                name="language"
                value={language}
                checked={selected === language}
                onChange={() => {
                  setSelected(language);
                  void changeLanguage(language);
                }}
              />
              <span>{t(`languages.${language}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <AccountSection />
      <LockSection />
      <StorageSection />
      <h2>{t('settings.outbox')}</h2>
      <p>
        <a className="button" href="#/outbox">
          {t('settings.outboxLink')}
        </a>
      </p>
      <AuditSettingsLink />
    </section>
  );
}
