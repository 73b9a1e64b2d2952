import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../state/toastStore.ts';
import { setWorkerFromAccount } from '../../state/workerStore.ts';
import { db } from '../../storage/database.ts';
import { exportUnsentLocked } from '../../storage/unsentExport.ts';
import { finishSignOut, prepareSignOut } from '../../sync/signOut.ts';
import { downloadFile } from '../outbox/downloadFile.ts';
import { APP_SERVER } from './appServer.ts';
import { restartApp } from './restartApp.ts';

/**
 * Where the sign-out stands:
 * `preparing`: sending what waits; `confirm`: all sent, one more tap deletes the phone's data;
 * `unsent`: changes would be lost (`discarding`: the second confirmation is open;
 * `exporting`: the passphrase for the locked file is asked);
 * `finishing`: ending the session and deleting.
 */
export type SignOutStep =
  | { name: 'idle' }
  | { name: 'preparing' }
  | { name: 'confirm' }
  | { name: 'unsent'; count: number; discarding: boolean; exporting: boolean }
  | { name: 'finishing' };

export interface SignOut {
  step: SignOutStep;
  /** What did not work on the last tap: ending the session and deleting, or making the file. */
  failure: 'finish' | 'export' | undefined;
  start: () => Promise<void>;
  /** Opens (or closes) the passphrase form for the locked file. */
  askExport: () => void;
  /** Saves every unsent change to a file locked with `passphrase`; true once the file was handed over. */
  exportFile: (passphrase: string) => Promise<boolean>;
  askDiscard: () => void;
  finish: () => Promise<void>;
  cancel: () => void;
}

/** Counts what is on this phone only, when even trying to send it failed in an unexpected way. */
async function countUnsentHere(): Promise<number> {
  return db.outbox.count();
}

/**
 * Sign-out (docs/accounts.md): send the outbox first; if anything is left,
 * say how much, offer to export it, and delete it only after a second yes.
 * Then end the session and delete everything, and start the app afresh.
 */
export function useSignOut(): SignOut {
  const { t } = useTranslation('account');
  const [step, setStep] = useState<SignOutStep>({ name: 'idle' });
  const [failure, setFailure] = useState<'finish' | 'export'>();
  // A ref, not state: a double tap arrives before React re-renders the disabled buttons.
  const inFlight = useRef(false);

  async function guarded(work: () => Promise<void>): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      await work();
    } finally {
      inFlight.current = false;
    }
  }

  const start = () =>
    guarded(async () => {
      setFailure(undefined);
      setStep({ name: 'preparing' });
      let unsent: number;
      try {
        unsent = (await prepareSignOut(db, APP_SERVER.fetch, APP_SERVER.baseUrl)).unsent;
      } catch {
        unsent = await countUnsentHere();
      }
      setStep(
        unsent === 0 ? { name: 'confirm' } : { name: 'unsent', count: unsent, discarding: false, exporting: false },
      );
    });

  const finish = () =>
    guarded(async () => {
      const before = step;
      setFailure(undefined);
      setStep({ name: 'finishing' });
      try {
        await finishSignOut(db, APP_SERVER.fetch, APP_SERVER.baseUrl);
      } catch {
        // Whatever was deleted stays deleted; a second try ends the session and deletes the rest.
        setFailure('finish');
        setStep(before);
        return;
      }
      setWorkerFromAccount(null);
      restartApp();
    });

  // Not through `guarded`, which cannot say whether the file was made; the form needs to know.
  const exportFile = async (passphrase: string): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setFailure(undefined);
    try {
      const file = await exportUnsentLocked(db, passphrase);
      downloadFile(file.fileName, file.text);
      showToast(t('signOut.exported', { count: file.count, file: file.fileName }));
      setStep((current) => (current.name === 'unsent' ? { ...current, exporting: false } : current));
      return true;
    } catch {
      setFailure('export');
      return false;
    } finally {
      inFlight.current = false;
    }
  };

  return {
    step,
    failure,
    start,
    exportFile,
    askExport: () => {
      if (step.name === 'unsent') setStep({ ...step, exporting: !step.exporting });
    },
    finish,
    askDiscard: () => {
      if (step.name === 'unsent') setStep({ ...step, discarding: true });
    },
    /** Closes the second confirmation if it is open, else the whole sign-out. */
    cancel: () => {
      if (inFlight.current) return;
      setStep(step.name === 'unsent' && step.discarding ? { ...step, discarding: false } : { name: 'idle' });
    },
  };
}
