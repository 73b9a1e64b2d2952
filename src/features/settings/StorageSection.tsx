import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { persistenceState, type PersistenceState } from '../../storage/requestPersistentStorage.ts';
import { storageEstimate, type StorageUse } from '../../storage/storageEstimate.ts';
import { formatBytes } from './formatBytes.ts';

const PERSISTENCE_TEXT = {
  persisted: 'settings.storagePersisted',
  notPersisted: 'settings.storageNotPersisted',
  unknown: 'settings.storageUnknown',
} as const;

/**
 * Settings → Storage (PRODUCT F14): whether the browser promised to keep
 * Ura's data, and how much of its allowance Ura uses. Read once when the
 * screen opens; both are the browser's own answers, which may be missing.
 */
export function StorageSection() {
  const { t, i18n } = useTranslation();
  const [persistence, setPersistence] = useState<PersistenceState>('unknown');
  // null: asked, and the browser gave no figures; undefined: not answered yet.
  const [use, setUse] = useState<StorageUse | null>();

  useEffect(() => {
    let live = true;
    void persistenceState().then((state) => live && setPersistence(state));
    void storageEstimate().then((estimate) => live && setUse(estimate ?? null));
    return () => {
      live = false;
    };
  }, []);

  return (
    <section aria-labelledby="storage-title">
      <h2 id="storage-title">{t('settings.storage')}</h2>
      <p data-testid="storage-state">{t(PERSISTENCE_TEXT[persistence])}</p>
      <p data-testid="storage-quota" aria-busy={use === undefined}>
        {use === undefined
          ? null
          : use === null
            ? t('settings.storageUseUnknown')
            : t('settings.storageUse', {
                used: formatBytes(use.usage, i18n.language),
                quota: formatBytes(use.quota, i18n.language),
              })}
      </p>
    </section>
  );
}
