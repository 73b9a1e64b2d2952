import { useEffect, useRef, useState } from 'react';
import { db } from '../../storage/database.ts';
import { recordNewExport, type ExportLogRow } from '../../storage/exportLog.ts';
import { requestSync } from '../../sync/syncController.ts';

/** A print started from the app's button and the browser's own `beforeprint` for it count as one. */
const SAME_PRINT_MS = 5_000;

/** What one print records: the export row without its id and time. */
export type PrintedExport = Omit<ExportLogRow, 'id' | 'at'>;

/**
 * Printing a document is an export (F19): each print is recorded for the
 * audit trail before the browser prints, whether it was started with the
 * app's Print button or from the browser's menu (its `beforeprint` event).
 * `exportOf` says what the page shows now (undefined while it has nothing to
 * print). Returns the button's action, and whether recording failed (then
 * nothing is printed from the button: an unrecorded copy must not leave the app).
 */
export function useAuditedPrint(exportOf: () => PrintedExport | undefined): {
  print: () => Promise<void>;
  failed: boolean;
} {
  const [failed, setFailed] = useState(false);
  const lastRecorded = useRef(0);

  async function record(): Promise<boolean> {
    const what = exportOf();
    if (what === undefined) return false;
    if (Date.now() - lastRecorded.current < SAME_PRINT_MS) return true;
    try {
      await recordNewExport(db, what);
      lastRecorded.current = Date.now();
      requestSync('soon');
      setFailed(false);
      return true;
    } catch {
      setFailed(true);
      return false;
    }
  }

  // The listener is added once; it calls the latest render's record (and so the latest page).
  const recordRef = useRef(record);
  recordRef.current = record;
  useEffect(() => {
    const onBeforePrint = () => void recordRef.current();
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, []);

  return {
    print: async () => {
      if (await record()) window.print();
    },
    failed,
  };
}
