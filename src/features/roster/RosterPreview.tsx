import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countRows, studentsToImport, type RosterRow } from '../../domain/roster/rosterCheck.ts';
import type { StudentFields } from '../../domain/student.ts';
import type { WriteFailure } from '../../storage/writeFailure.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { RosterDuplicates } from './RosterDuplicates.tsx';
import { RosterProgress } from './RosterProgress.tsx';
import { useFocusOnMount } from './useFocusOnMount.ts';
import { useRosterText } from './useRosterText.ts';

/** Rows listed by kind; the counts above say how many there are in all. */
const LISTED = 100;
const FIRST_ROWS = 5;

interface RosterPreviewProps {
  rows: readonly RosterRow[];
  schoolName: string;
  /** While the import runs: how far it has come (the preview stays, so its choices survive a failure). */
  progress: { written: number; total: number } | null;
  onImport: (students: readonly StudentFields[]) => Promise<WriteFailure | null>;
  onChangeColumns: () => void;
  onStartOver: () => void;
}

/**
 * The counts, the first students as they will be saved, and every problem by
 * row. Rows with errors are never imported; the others are only when the user
 * ticks that the rows with errors are left out (otherwise they fix the file).
 * Duplicates are skipped unless ticked one by one.
 */
export function RosterPreview({
  rows,
  schoolName,
  progress,
  onImport,
  onChangeColumns,
  onStartOver,
}: RosterPreviewProps) {
  const { t } = useTranslation('roster');
  const text = useRosterText(schoolName);
  const [anyway, setAnyway] = useState<ReadonlySet<number>>(new Set());
  const [leaveOut, setLeaveOut] = useState(false);
  const [message, setMessage] = useState<string>();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const leaveOutRef = useRef<HTMLDivElement>(null);
  const counts = useMemo(() => countRows(rows), [rows]);
  const withErrors = useMemo(() => rows.filter((row) => row.student === null), [rows]);
  const duplicates = useMemo(() => rows.filter((row) => row.student !== null && row.duplicate !== null), [rows]);
  const chosen = useMemo(() => studentsToImport(rows, anyway), [rows, anyway]);

  async function submit(): Promise<void> {
    if (withErrors.length > 0 && !leaveOut) {
      setMessage(t('preview.confirmNeeded'));
      leaveOutRef.current?.querySelector('input')?.focus();
      return;
    }
    setMessage(undefined);
    const failure = await onImport(chosen);
    if (failure !== null) setMessage(t(`failed.${failure}`));
  }

  function toggle(rowNumber: number, checked: boolean): void {
    setAnyway((current) => {
      const next = new Set(current);
      if (checked) next.add(rowNumber);
      else next.delete(rowNumber);
      return next;
    });
  }

  return (
    <section aria-labelledby="roster-preview-title">
      <h2 id="roster-preview-title" ref={headingRef} tabIndex={-1}>
        {t('preview.title')}
      </h2>
      <ul className="roster-counts" data-testid="roster-counts">
        <li>{t('preview.ready', { count: counts.ready })}</li>
        <li>{t('preview.withErrors', { count: counts.withErrors })}</li>
        <li>{t('preview.duplicates', { count: counts.duplicates })}</li>
      </ul>
      {chosen.length > 0 ? (
        <>
          <h3>{t('preview.firstRows')}</h3>
          <ul className="card-list" data-testid="roster-first-rows">
            {chosen.slice(0, FIRST_ROWS).map((student, index) => (
              <li key={index} className="card">
                <span className="card-title">{text.name(student)}</span>
                <span className="card-detail">{text.detail(student)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {withErrors.length > 0 ? (
        <>
          <h3>{t('preview.problems')}</h3>
          <p>{t('preview.problemsHint')}</p>
          <ul className="roster-problems" data-testid="roster-problems">
            {withErrors.slice(0, LISTED).map((row) => (
              <li key={row.rowNumber}>{text.rowProblems(row)}</li>
            ))}
          </ul>
          {withErrors.length > LISTED ? (
            <p>{t('preview.moreProblems', { count: withErrors.length - LISTED })}</p>
          ) : null}
        </>
      ) : null}
      <RosterDuplicates rows={duplicates} listed={LISTED} anyway={anyway} onToggle={toggle} describe={text.duplicate} />
      {withErrors.length > 0 && chosen.length > 0 ? (
        <div ref={leaveOutRef}>
          <CheckboxField
            label={t('preview.leaveOut', { count: withErrors.length })}
            checked={leaveOut}
            onCheckedChange={(checked) => {
              setLeaveOut(checked);
              if (checked) setMessage(undefined);
            }}
          />
        </div>
      ) : null}
      {message === undefined ? null : (
        <p className="form-summary" role="alert">
          {message}
        </p>
      )}
      {chosen.length === 0 ? <p className="empty">{t('preview.nothing')}</p> : null}
      {progress !== null ? (
        <RosterProgress
          label={t('importing', { written: progress.written, total: progress.total })}
          fraction={progress.written / Math.max(1, progress.total)}
        />
      ) : (
        <div className="form-actions roster-actions">
          <button type="button" className="button" onClick={onStartOver}>
            {t('preview.another')}
          </button>
          <button type="button" className="button" onClick={onChangeColumns}>
            {t('preview.columns')}
          </button>
          {chosen.length > 0 ? (
            <button type="button" className="button button-primary" onClick={() => void submit()}>
              {t('preview.import', { count: chosen.length })}
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
