import type { CaseListFilter, CaseSummary } from '../../domain/caseListFilter.ts';
import type { CaseRecord } from '../../domain/caseRecord.ts';
import type { StudentFields } from '../../domain/student.ts';
import type { CaseRow } from '../../storage/caseworkRecords.ts';
import type { StudentRecord, UraDatabase } from '../../storage/UraDatabase.ts';

/** One line of the case list file: the list's row, with what the list itself does not hold. */
export interface CaseListExportRow {
  summary: CaseSummary;
  /** Undefined when the case is not (or no longer) on the device. */
  record: Pick<CaseRecord, 'trigger' | 'openedAt' | 'planActivatedAt' | 'closedAt' | 'closureReason'> | undefined;
  student: Pick<StudentFields, 'grade' | 'className'> | undefined;
}

/**
 * Rows read per step: each step is one short read, and between steps the page
 * gets a turn to draw the progress (opening sealed rows is synchronous work on
 * the page's thread, docs/encryption.md).
 */
export const EXPORT_READ_CHUNK = 500;

/**
 * From this share of the device's cases on, the tables are read whole, in key
 * order, one range per step: one IndexedDB request per step instead of one per
 * row. A few filtered rows are fetched by id instead.
 */
const READ_WHOLE_FROM_SHARE = 0.5;

type Progress = (done: number, total: number) => void;
type Page<T> = (after: string | undefined) => Promise<T[]>;

/**
 * The case records' and students' fields behind the list's rows, in the rows'
 * order: the trigger, the stage dates, the closure reason and the class. The
 * list's rows carry them from the case index; rows from older entries are read.
 */
export async function loadCaseListExport(
  db: UraDatabase,
  rows: readonly CaseSummary[],
  onProgress: Progress,
): Promise<CaseListExportRow[]> {
  // Index entries carry the file's own fields: only entries written before they did need the records.
  const older = rows.filter((row) => row.file === undefined);
  const read = older.length === 0 ? [] : await readRecordsBehind(db, older, onProgress);
  const readByCase = new Map(read.map((row) => [row.summary.caseId, row]));
  onProgress(rows.length, rows.length);
  return rows.map(
    (summary) =>
      readByCase.get(summary.caseId) ?? {
        summary,
        record: summary.file?.record,
        student: summary.file?.student ?? undefined,
      },
  );
}

async function readRecordsBehind(
  db: UraDatabase,
  rows: readonly CaseSummary[],
  onProgress: Progress,
): Promise<CaseListExportRow[]> {
  const caseIds = new Set(rows.map((row) => row.caseId));
  const studentIds = new Set(rows.map((row) => row.studentId));
  const [caseCount, studentCount] = await Promise.all([db.cases.count(), db.students.count()]);
  const whole = rows.length >= READ_WHOLE_FROM_SHARE * caseCount;
  let read = 0;
  const work = whole ? caseCount + studentCount : caseIds.size + studentIds.size;
  const step = (rowsRead: number) => {
    read += rowsRead;
    onProgress(Math.min(rows.length, Math.floor((read / Math.max(work, 1)) * rows.length)), rows.length);
  };
  const casePage = (after: string | undefined): Promise<CaseRow[]> =>
    (after === undefined ? db.cases.orderBy(':id') : db.cases.where(':id').above(after))
      .limit(EXPORT_READ_CHUNK)
      .toArray();
  const studentPage = (after: string | undefined): Promise<StudentRecord[]> =>
    (after === undefined ? db.students.orderBy(':id') : db.students.where(':id').above(after))
      .limit(EXPORT_READ_CHUNK)
      .toArray();
  const records = whole
    ? await readInKeyOrder(caseIds, casePage, step)
    : await readByIds([...caseIds], (ids) => db.cases.bulkGet(ids), step);
  const students = whole
    ? await readInKeyOrder(studentIds, studentPage, step)
    : await readByIds([...studentIds], (ids) => db.students.bulkGet(ids), step);
  onProgress(rows.length, rows.length);
  return rows.map((summary) => ({
    summary,
    record: records.get(summary.caseId),
    student: students.get(summary.studentId),
  }));
}

async function readInKeyOrder<T extends { id: string }>(
  wanted: ReadonlySet<string>,
  page: Page<T>,
  step: (rowsRead: number) => void,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  let after: string | undefined;
  for (;;) {
    const rows = await page(after);
    for (const row of rows) if (wanted.has(row.id)) found.set(row.id, row);
    step(rows.length);
    const last = rows.at(-1);
    if (rows.length < EXPORT_READ_CHUNK || last === undefined) return found;
    after = last.id;
    await nextTurn();
  }
}

async function readByIds<T extends { id: string }>(
  ids: readonly string[],
  get: (ids: string[]) => Promise<(T | undefined)[]>,
  step: (rowsRead: number) => void,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (let start = 0; start < ids.length; start += EXPORT_READ_CHUNK) {
    const chunk = ids.slice(start, start + EXPORT_READ_CHUNK);
    for (const row of await get(chunk)) if (row !== undefined) found.set(row.id, row);
    step(chunk.length);
    await nextTurn();
  }
  return found;
}

/** The school the file is limited to, if the list is filtered to one; the audit trail places the export by it. */
export function exportedSchool(filter: Pick<CaseListFilter, 'schoolId'>): string | null {
  return filter.schoolId === '' ? null : filter.schoolId;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
