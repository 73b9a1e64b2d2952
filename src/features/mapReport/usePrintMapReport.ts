import { useEffect, useRef, useState } from 'react';
import { db } from '../../storage/database.ts';
import { recordNewExport } from '../../storage/exportLog.ts';
import { requestSync } from '../../sync/syncController.ts';

/** A print started from the app's button and the browser's own `beforeprint` for it count as one. */
const SAME_PRINT_MS = 5_000;

/**
 * Printing the report is an export (F19): each print is recorded for the
 * audit trail, as one document about the plan's municipality, before the
 * browser prints — from the Print button or the browser's menu (its
 * `beforeprint` event). When recording fails the button prints nothing.
 */
export function usePrintMapReport(municipalityId: string | undefined): {
  print: () => Promise<void>;
  failed: boolean;
} {
  const [failed, setFailed] = useState(false);
  const lastRecorded = useRef(0);
  const current = useRef(municipalityId);
  current.current = municipalityId;

  async function record(): Promise<boolean> {
    const municipality = current.current;
    if (municipality === undefined) return false;
    if (Date.now() - lastRecorded.current < SAME_PRINT_MS) return true;
    try {
      await recordNewExport(db, {
        kind: 'mapReport',
        rows: 1,
        caseId: null,
        schoolId: null,
        municipalityId: municipality,
      });
      lastRecorded.current = Date.now();
      requestSync('soon');
      setFailed(false);
      return true;
    } catch {
      setFailed(true);
      return false;
    }
  }

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
