import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../state/toastStore.ts';
import { db } from '../../storage/database.ts';
import { exportUnsentLocked } from '../../storage/unsentExport.ts';
import { downloadFile } from './downloadFile.ts';
import { LockedExportForm } from './LockedExportForm.tsx';
import { RestoreForm } from './RestoreForm.tsx';

/**
 * Keep a copy (PRODUCT F14): every change not yet on the server — waiting or
 * refused — saved to a file locked with a passphrase, and brought back from
 * such a file on this or another phone. Both forms open on a tap, so the
 * section stays two buttons high above the lists.
 */
export function KeepCopySection({ unsent }: { unsent: number }) {
  const { t } = useTranslation(['outbox', 'common']);
  const [open, setOpen] = useState<'save' | 'restore'>();
  const [failed, setFailed] = useState(false);

  const toggle = (form: 'save' | 'restore') => {
    setFailed(false);
    setOpen((before) => (before === form ? undefined : form));
  };

  const save = async (passphrase: string): Promise<boolean> => {
    setFailed(false);
    try {
      const file = await exportUnsentLocked(db, passphrase);
      downloadFile(file.fileName, file.text);
      showToast(t('common:unsentFile.saved', { count: file.count, file: file.fileName }));
      setOpen(undefined);
      return true;
    } catch {
      setFailed(true);
      return false;
    }
  };

  return (
    <section className="outbox-section" aria-labelledby="outbox-copy-title" data-testid="outbox-copy">
      <h2 id="outbox-copy-title">{t('copy.title')}</h2>
      <p>{t('copy.intro')}</p>
      <p className="field-hint">{t('copy.fileHint')}</p>
      {failed ? (
        <p className="form-summary" role="alert">
          {t('common:unsentFile.failed')}
        </p>
      ) : null}
      <div className="outbox-actions">
        {unsent > 0 ? (
          <button type="button" aria-expanded={open === 'save'} onClick={() => toggle('save')}>
            {t('copy.save')}
          </button>
        ) : null}
        <button type="button" aria-expanded={open === 'restore'} onClick={() => toggle('restore')}>
          {t('copy.restore')}
        </button>
      </div>
      {open === 'save' && unsent > 0 ? <LockedExportForm onSave={save} /> : null}
      {open === 'restore' ? <RestoreForm /> : null}
    </section>
  );
}
