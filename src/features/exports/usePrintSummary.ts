import { useEffect, useRef, useState } from 'react';
import { db } from '../../storage/database.ts';
import { recordNewExport } from '../../storage/exportLog.ts';
import type { CaseView } from '../../storage/caseTimelineQuery.ts';
import { requestSync } from '../../sync/syncController.ts';

/** A print started from the app's button and the browser's own `beforeprint` for it count as one. */
const SAME_PRINT_MS = 5_000;

/**
 * Printing the summary is an export (F19): each print is recorded for the
 * audit trail before the browser prints, whether it was started with the
 * app's Print button or from the browser's menu (its `beforeprint` event).
 * Returns the button's action, and whether recording failed (then nothing
 * is printed from the button: an unrecorded copy must not leave the app).
 */
export function usePrintSummary(view: CaseView | null | undefined): { print: () => Promise<void>; failed: boolean } {
  const [failed, setFailed] = useState(false);
  const lastRecorded = useRef(0);
  const current = useRef(view);
  current.current = view;

  async function record(): Promise<boolean> {
    const shown = current.current;
    if (!shown) return false;
    if (Date.now() - lastRecorded.current < SAME_PRINT_MS) return true;
    try {
      await recordNewExport(db, {
        kind: 'caseSummary',
        rows: 1,
        caseId: shown.caseRecord.id,
        schoolId: shown.caseRecord.schoolId,
        municipalityId: shown.school?.municipalityId ?? null,
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
