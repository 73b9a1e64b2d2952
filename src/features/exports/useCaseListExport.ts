import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../domain/caseListFilter.ts';
import { localIsoDate } from '../../domain/dueDates.ts';
import { displayName, type Language } from '../../domain/localizedName.ts';
import { showToast } from '../../state/toastStore.ts';
import { db } from '../../storage/database.ts';
import { recordNewExport } from '../../storage/exportLog.ts';
import type { SchoolRecord } from '../../storage/UraDatabase.ts';
import { requestSync } from '../../sync/syncController.ts';
import { downloadFile } from '../outbox/downloadFile.ts';
import type { CaseListWords } from './caseListCsv.ts';
import { loadCaseListExport } from './loadCaseListExport.ts';

/** Progress appears only for an export that takes longer than this, so a quick one does not flicker. */
export const SHOW_PROGRESS_AFTER_MS = 1000;

export type ExportState =
  { phase: 'idle' } | { phase: 'working'; done: number; total: number; showProgress: boolean } | { phase: 'failed' };

export interface CaseListExportInput {
  rows: readonly CaseSummary[];
  schools: ReadonlyMap<string, SchoolRecord>;
  /** The school the list is filtered to, or null. */
  schoolId: string | null;
}

/**
 * Exports the rows the list shows as a CSV file (F17): reads what the list
 * does not hold, writes the file in the reader's language, records the
 * export for the audit trail (F19) and hands the file over — in that order,
 * so no file leaves the app unrecorded. Works offline; the record goes to
 * the server after the next sync.
 */
export function useCaseListExport(): { state: ExportState; start: (input: CaseListExportInput) => Promise<void> } {
  const { t, i18n } = useTranslation(['exports', 'casework', 'cases']);
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const update = (next: ExportState | ((current: ExportState) => ExportState)) => {
    if (mounted.current) setState(next);
  };

  async function start({ rows, schools, schoolId }: CaseListExportInput): Promise<void> {
    if (state.phase === 'working') return;
    const language = i18n.language as Language;
    update({ phase: 'working', done: 0, total: rows.length, showProgress: false });
    const reveal = setTimeout(
      () => update((current) => (current.phase === 'working' ? { ...current, showProgress: true } : current)),
      SHOW_PROGRESS_AFTER_MS,
    );
    mark('case-export:start');
    try {
      // The CSV writer (papaparse) loads with the first export, not with the list.
      const { caseListCsv, caseListFileName } = await import('./caseListCsv.ts');
      const loaded = await loadCaseListExport(db, rows, (done, total) =>
        update((current) => (current.phase === 'working' ? { ...current, done, total } : current)),
      );
      mark('case-export:read');
      const words: CaseListWords = {
        header: (column) => t(`exports:caseList.column.${column}`),
        school: (id) => {
          const school = schools.get(id);
          return school ? displayName(school.name, language) : t('cases:list.unknownSchool');
        },
        status: (status) => t(`casework:status.${status}`),
        risk: (level) => (level === null ? t('exports:caseList.notScreened') : t(`casework:level.${level}`)),
        trigger: (trigger) => t(`casework:trigger.${trigger}`),
        closureReason: (reason) => t(`casework:closureReason.${reason}`),
      };
      const text = caseListCsv(loaded, words);
      const school = schoolId === null ? undefined : schools.get(schoolId);
      await recordNewExport(db, {
        kind: 'caseList',
        rows: rows.length,
        caseId: null,
        schoolId,
        municipalityId: school?.municipalityId ?? null,
      });
      downloadFile(caseListFileName(localIsoDate(new Date())), text, 'text/csv;charset=utf-8');
      mark('case-export:done');
      requestSync('soon');
      showToast(t('exports:caseList.done', { count: rows.length }));
      update({ phase: 'idle' });
    } catch {
      update({ phase: 'failed' });
    } finally {
      clearTimeout(reveal);
    }
  }

  return { state, start };
}

/** The benchmark (scripts/benchExport.mjs) times the export between these marks. */
function mark(name: string): void {
  if (typeof performance.mark === 'function') performance.mark(name);
}
