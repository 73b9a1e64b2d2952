import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../state/toastStore.ts';
import { db } from '../../storage/database.ts';
import { discardRejected, exportRejected, retryRejected } from '../../storage/outboxQueries.ts';
import { writeFailureOf, type WriteFailure } from '../../storage/writeFailure.ts';
import { requestSync } from '../../sync/syncController.ts';
import { downloadFile } from './downloadFile.ts';

export interface RejectedActions {
  /** Rows saved to a file on this visit to the screen: they may be discarded without asking again. */
  exported: ReadonlySet<number>;
  busy: boolean;
  failure: WriteFailure | undefined;
  retry: (seqs: readonly number[]) => Promise<void>;
  exportFile: (seqs: readonly number[]) => Promise<void>;
  discard: (seqs: readonly number[]) => Promise<void>;
}

/** Retry, export and discard for refused changes, one at a time (a second tap is ignored while one runs). */
export function useRejectedActions(): RejectedActions {
  const { t } = useTranslation('outbox');
  const [exported, setExported] = useState<ReadonlySet<number>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<WriteFailure>();
  // A ref, not state: a double tap arrives before React re-renders the disabled buttons.
  const inFlight = useRef(false);

  async function guarded(work: () => Promise<void>): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
    } catch (error) {
      setFailure(writeFailureOf(error));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return {
    exported,
    busy,
    failure,
    retry: (seqs) =>
      guarded(async () => {
        const count = await retryRejected(db, seqs);
        // The user asked for it: send at once rather than after the usual pause for more edits.
        if (count > 0) requestSync('now');
        showToast(t('rejected.retried', { count }));
      }),
    exportFile: (seqs) =>
      guarded(async () => {
        const file = await exportRejected(db, seqs);
        downloadFile(file.fileName, file.text);
        setExported((before) => new Set([...before, ...seqs]));
        showToast(t('rejected.exportedCount', { count: file.count, file: file.fileName }));
      }),
    discard: (seqs) =>
      guarded(async () => {
        const count = await discardRejected(db, seqs);
        showToast(t('rejected.discarded', { count }));
      }),
  };
}
