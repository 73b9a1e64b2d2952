import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../storage/database.ts';
import { importUnsentFile, type ImportFailure, type ImportOutcome } from '../../storage/importUnsent.ts';
import { writeFailureOf, type WriteFailure } from '../../storage/writeFailure.ts';
import { requestSync } from '../../sync/syncController.ts';
import { FieldFrame } from '../../ui/FieldFrame.tsx';
import { SecretField } from '../../ui/SecretField.tsx';
import './lockedFile.css';

type Result = ImportOutcome | { ok: false; reason: 'noFile' | WriteFailure };

/** Failures about the passphrase are shown on its field; the others above the form. */
const PASSPHRASE_FAILURES: readonly string[] = ['needsPassphrase', 'cannotDecrypt'] satisfies ImportFailure[];
const WRITE_FAILURES: readonly string[] = ['storageFull', 'generic'] satisfies WriteFailure[];

/**
 * Brings changes back from a file Ura saved (importUnsentFile): on a new
 * phone after the old one was lost, or on the same phone after its data was
 * cleared. A wrong passphrase or a damaged file changes nothing, and says so.
 */
export function RestoreForm() {
  const { t } = useTranslation(['outbox', 'common']);
  const [file, setFile] = useState<File>();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>();
  const fileRef = useRef<HTMLInputElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  // A ref, not state: a double tap arrives before React re-renders the disabled button.
  const inFlight = useRef(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return;
    if (file === undefined) {
      setResult({ ok: false, reason: 'noFile' });
      fileRef.current?.focus();
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setResult(undefined);
    try {
      const outcome = await importUnsentFile(db, await file.text(), passphrase);
      setResult(outcome);
      if (outcome.ok) {
        setPassphrase('');
        if (outcome.queued > 0) requestSync('now');
      } else if (PASSPHRASE_FAILURES.includes(outcome.reason)) passphraseRef.current?.focus();
    } catch (error) {
      setResult({ ok: false, reason: writeFailureOf(error) });
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const failure = result?.ok === false ? result.reason : undefined;
  const passphraseError =
    failure !== undefined && PASSPHRASE_FAILURES.includes(failure)
      ? t(`copy.failure.${failure as 'needsPassphrase' | 'cannotDecrypt'}`)
      : undefined;
  const formError =
    failure === undefined || failure === 'noFile' || passphraseError !== undefined
      ? undefined
      : WRITE_FAILURES.includes(failure)
        ? t(`common:errors.${failure as WriteFailure}`)
        : t(`copy.failure.${failure as Exclude<ImportFailure, 'needsPassphrase' | 'cannotDecrypt'>}`);

  return (
    <form className="locked-file-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      {formError === undefined ? null : (
        <p className="form-summary" role="alert">
          {formError}
        </p>
      )}
      <FieldFrame label={t('copy.file')} error={failure === 'noFile' ? t('copy.noFile') : undefined}>
        {(control) => (
          <input {...control} ref={fileRef} type="file" onChange={(event) => setFile(event.target.files?.[0])} />
        )}
      </FieldFrame>
      <SecretField
        label={t('copy.passphrase')}
        hint={t('copy.passphraseHint')}
        error={passphraseError}
        autoComplete="off"
        showLabel={t('common:unsentFile.show')}
        inputRef={passphraseRef}
        value={passphrase}
        onValueChange={setPassphrase}
      />
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? t('copy.bringing') : t('copy.bringBack')}
      </button>
      <p role="status" className="outbox-progress">
        {result?.ok ? <RestoredText queued={result.queued} alreadyHere={result.alreadyHere} /> : null}
      </p>
    </form>
  );
}

function RestoredText({ queued, alreadyHere }: { queued: number; alreadyHere: number }) {
  const { t } = useTranslation('outbox');
  if (queued === 0 && alreadyHere === 0) return <>{t('copy.empty')}</>;
  return (
    <>
      {queued > 0 ? t('copy.queued', { count: queued }) : null}
      {queued > 0 && alreadyHere > 0 ? ' ' : null}
      {alreadyHere > 0 ? t('copy.alreadyHere', { count: alreadyHere }) : null}
    </>
  );
}
