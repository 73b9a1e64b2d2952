import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseListExport, type CaseListExportInput } from './useCaseListExport.ts';
import './exports.css';

interface CaseListExportProps extends CaseListExportInput {
  /** False while the list is still loading or applying a filter: the file must hold what the list will show. */
  ready: boolean;
}

/** "Export CSV" on the case list: the cases the current filter shows, as a spreadsheet (F17). */
export function CaseListExport({ ready, ...input }: CaseListExportProps) {
  const { t, i18n } = useTranslation('exports');
  const { state, start } = useCaseListExport();
  const hintId = useId();
  const working = state.phase === 'working';
  const count = (value: number) => value.toLocaleString(i18n.language);
  return (
    <div className="case-export">
      <button
        type="button"
        className="button"
        disabled={!ready || working}
        aria-describedby={hintId}
        onClick={() => void start(input)}
      >
        {working ? t('caseList.exporting') : t('caseList.export')}
      </button>
      <p id={hintId} className="field-hint">
        {t('caseList.exportHint', { count: input.rows.length })}
      </p>
      {working && state.showProgress ? (
        <p role="status" className="case-export-progress">
          {t('caseList.progress', { done: count(state.done), total: count(state.total) })}
          <progress max={state.total} value={state.done} aria-hidden="true" />
        </p>
      ) : null}
      {state.phase === 'failed' ? (
        <p role="alert" className="field-error">
          {t('caseList.failed')}
        </p>
      ) : null}
    </div>
  );
}
