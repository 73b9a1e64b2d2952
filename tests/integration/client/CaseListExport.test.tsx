/**
 * "Export CSV" on the case list (docs/exports.md): the cases the filter
 * shows, as a file spreadsheets open right — UTF-8 with a BOM, Cyrillic and
 * ë intact, commas, quotes and line breaks quoted, formulas neutralised —
 * with headers and values in the reader's language, a file name without a
 * name, and the export recorded for the audit trail.
 */
import { act, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addCalendarDays, localIsoDate } from '../../../src/domain/dueDates.ts';
import { getProfile } from '../../../src/domain/profiles/profiles.ts';
import { CaseListPage } from '../../../src/features/cases/CaseListPage.tsx';
import { EXPORT_READ_CHUNK, loadCaseListExport } from '../../../src/features/exports/loadCaseListExport.ts';
import { SHOW_PROGRESS_AFTER_MS, useCaseListExport } from '../../../src/features/exports/useCaseListExport.ts';
import { changeLanguage, loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { useToastStore } from '../../../src/state/toastStore.ts';
import { createCase, transitionCase } from '../../../src/storage/caseRepository.ts';
import { loadCaseSummaries, type CaseSummary } from '../../../src/storage/caseListQuery.ts';
import { db } from '../../../src/storage/database.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { addScreening } from '../../../src/storage/screeningRepository.ts';
import type { SchoolRecord } from '../../../src/storage/UraDatabase.ts';
import { catchDownloads, seedSchoolTeamAccount, type Download } from '../../support/accountUiFixtures.ts';
import { RISKY_VALUES, USER_ID } from '../../support/caseworkFixtures.ts';
import { bulkPutCases, seedStudentAt } from '../../support/casesFixtures.ts';
import { localizedName, seedSchool } from '../../support/clientFixtures.ts';

const today = localIsoDate(new Date());

/** A row as an index entry written before entries carried the file's fields gives it. */
function withoutFileFields(row: CaseSummary): CaseSummary {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped on purpose
  const { file, ...older } = row;
  return older;
}
const LIVE = { timeout: 10_000 };
let vuk: SchoolRecord;
let naim: SchoolRecord;
let downloads: Download[];
const ids = { dorde: '', arber: '', ana: '' };

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all(['casework', 'cases', 'exports'].map((ns) => loadNamespace(ns as 'exports')));
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  downloads = catchDownloads();
  vuk = await seedSchool(db, { country: 'RS', name: localizedName('OŠ „Vuk Karadžić“', 'ОШ „Вук Караџић“') });
  // A school name as an administrator might type it: a quote, a comma and a line break.
  naim = await seedSchool(db, { country: 'XK', name: localizedName('SHFMU "Naim Frashëri",\nFerizaj') });
  await seedSchoolTeamAccount();
});

afterEach(async () => {
  vi.useRealTimers();
  await changeLanguage('en');
});

/** Ђорђе (Cyrillic, screened, flagged); Arbër (ë, opened then closed); "Ana, "Mia"" =SUM(A1) (a formula). */
async function seedCases(): Promise<void> {
  const dorde = await seedStudentAt(db, vuk, {
    givenName: 'Ђорђе',
    familyName: 'Јовановић',
    grade: 5,
    className: '5/2',
  });
  const arber = await seedStudentAt(db, naim, {
    givenName: 'Arbër',
    familyName: 'Krasniqi',
    grade: 7,
    className: 'VII-1',
  });
  const ana = await seedStudentAt(db, naim, { givenName: 'Ana, "Mia"', familyName: '=SUM(A1)' });
  ids.dorde = newRecordId();
  await createCase(db, { id: ids.dorde, studentId: dorde, trigger: 'screening', at: addCalendarDays(today, -20) });
  await addScreening(db, getProfile('RS'), {
    id: newRecordId(),
    studentId: dorde,
    term: '2026-2027/1',
    screenedOn: addCalendarDays(today, -21),
    screenedBy: USER_ID,
    values: RISKY_VALUES,
    protectiveFactors: [],
  });
  ids.arber = newRecordId();
  await createCase(db, { id: ids.arber, studentId: arber, trigger: 'absence', at: addCalendarDays(today, -9) });
  await transitionCase(db, ids.arber, 'open', { at: addCalendarDays(today, -8), caseManagerId: USER_ID });
  await transitionCase(db, ids.arber, 'closed', { at: today, closureReason: 'transferConfirmed' });
  ids.ana = newRecordId();
  await createCase(db, { id: ids.ana, studentId: ana, trigger: 'csoConcern', at: addCalendarDays(today, -2) });
}

async function renderList() {
  const user = userEvent.setup();
  render(<CaseListPage />);
  await waitFor(() => expect(screen.getByTestId('case-list')).toHaveAttribute('aria-busy', 'false'), LIVE);
  return user;
}

async function exportFile(user: ReturnType<typeof userEvent.setup>, name = 'Export CSV') {
  await user.click(await screen.findByRole('button', { name }, LIVE));
  await waitFor(() => expect(downloads).toHaveLength(1), LIVE);
  const [download] = downloads;
  const bytes = new Uint8Array(await download!.blob.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { download: download!, bytes, text, rows: Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data };
}

describe('exporting the case list', () => {
  it('writes every case shown, in English, as spreadsheets read it, and records the export', async () => {
    await seedCases();
    const user = await renderList();
    const { download, bytes, text, rows } = await exportFile(user);

    expect(download.fileName).toBe(`ura-cases-${today}.csv`);
    expect(download.blob.type).toBe('text/csv;charset=utf-8');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain('\r\n');
    expect(rows[0]).toEqual([
      'Case id',
      'Given name',
      'Family name',
      'School',
      'Grade',
      'Class',
      'Status',
      'Risk level',
      'Raised by',
      'Flagged on',
      'Opened on',
      'Plan started on',
      'Closed on',
      'Closure reason',
      'Next due',
    ]);
    expect(rows).toHaveLength(4);
    const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(byId.get(ids.dorde)?.slice(1, 10)).toEqual([
      'Ђорђе',
      'Јовановић',
      'OŠ „Vuk Karadžić“',
      '5',
      '5/2',
      'Flagged',
      expect.stringMatching(/^(Low|Medium|High|Very high) risk$/),
      'Risk screening',
      addCalendarDays(today, -20),
    ]);
    expect(byId.get(ids.arber)).toEqual([
      ids.arber,
      'Arbër',
      'Krasniqi',
      'SHFMU "Naim Frashëri",\nFerizaj',
      '7',
      'VII-1',
      'Closed',
      'Not screened',
      'Absence data',
      addCalendarDays(today, -9),
      addCalendarDays(today, -8),
      '',
      today,
      'Transfer to another school confirmed',
      '',
    ]);
    // Quoted where a comma, quote or line break needs it; a formula stays text.
    expect(text).toContain('"SHFMU ""Naim Frashëri"",\nFerizaj"');
    expect(text).toContain(`"Ana, ""Mia""",'=SUM(A1)`);

    const log = await db.exportLog.toArray();
    expect(log).toEqual([
      expect.objectContaining({ kind: 'caseList', rows: 3, caseId: null, schoolId: null, municipalityId: null }),
    ]);
    expect(useToastStore.getState().message).toBe('3 cases exported.');
  });

  it('writes only the cases the filter shows, and names the school it is limited to in the record', async () => {
    await seedCases();
    const user = await renderList();
    await user.selectOptions(screen.getByLabelText('School'), naim.id);
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(2));
    const { rows } = await exportFile(user);
    expect(
      rows
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual([ids.arber, ids.ana].sort());
    expect(await db.exportLog.toArray()).toEqual([
      expect.objectContaining({ kind: 'caseList', rows: 2, schoolId: naim.id, municipalityId: naim.municipalityId }),
    ]);
  });

  it('reads a few filtered cases by id, with everything the whole list has', async () => {
    await seedCases();
    const user = await renderList();
    await user.selectOptions(screen.getByLabelText('Status'), 'closed');
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(1));
    const { rows } = await exportFile(user);
    expect(rows.slice(1)).toEqual([
      [
        ids.arber,
        'Arbër',
        'Krasniqi',
        'SHFMU "Naim Frashëri",\nFerizaj',
        '7',
        'VII-1',
        'Closed',
        'Not screened',
        'Absence data',
        addCalendarDays(today, -9),
        addCalendarDays(today, -8),
        '',
        today,
        'Transfer to another school confirmed',
        '',
      ],
    ]);
  });

  it('speaks the reader’s language: headers, values and the school’s name', async () => {
    await seedCases();
    await changeLanguage('sr-Cyrl');
    const user = await renderList();
    const { rows } = await exportFile(user, 'Извези CSV');
    expect(rows[0]?.slice(0, 4)).toEqual(['ИД случаја', 'Име', 'Презиме', 'Школа']);
    const dorde = rows.find((row) => row[0] === ids.dorde);
    expect(dorde?.[3]).toBe('ОШ „Вук Караџић“');
    const arber = rows.find((row) => row[0] === ids.arber);
    expect(arber?.slice(6, 9)).toEqual(['Затворен', 'Без процене ризика', expect.any(String)]);
    expect(arber?.[13]).not.toBe('Transfer to another school confirmed');
    expect(arber?.[13]).toMatch(/[\u0400-\u04FF]/);
  });

  it('takes the file’s fields from the list’s rows, and reads records only for older index entries', async () => {
    await seedCases();
    const rows = await loadCaseSummaries(db);
    const noProgress = () => undefined;
    const fromRecords = await loadCaseListExport(db, rows.map(withoutFileFields), noProgress);
    const arber = rows.find((row) => row.caseId === ids.arber);
    // Every record but Arbër's leaves the device: rows that carry their fields must not need them.
    await db.cases.where(':id').notEqual(ids.arber).delete();
    await db.students
      .where(':id')
      .notEqual(arber?.studentId ?? '')
      .delete();
    const mixed = rows.map((row) => (row.caseId === ids.arber ? withoutFileFields(row) : row));
    const fromIndex = await loadCaseListExport(db, mixed, noProgress);
    const fileFields = (exported: typeof fromIndex) =>
      exported.map(({ record, student }) => ({
        trigger: record?.trigger,
        openedAt: record?.openedAt,
        planActivatedAt: record?.planActivatedAt,
        closedAt: record?.closedAt,
        closureReason: record?.closureReason,
        grade: student?.grade,
        className: student?.className,
      }));
    expect(fileFields(fromIndex)).toEqual(fileFields(fromRecords));
    expect(fromRecords.find((row) => row.summary.caseId === ids.arber)?.student).toMatchObject({ grade: 7 });
    expect(fromIndex.every((row) => row.record !== undefined && row.student !== undefined)).toBe(true);
  });

  it('shows progress once an export takes longer than a second, and not before', async () => {
    const student = await seedStudentAt(db, vuk);
    await bulkPutCases(db, EXPORT_READ_CHUNK + 20, { id: student, schoolId: vuk.id });
    // Index entries from before they carried the file's fields: the export reads the records, step by step.
    const rows = (await loadCaseSummaries(db)).map(withoutFileFields);
    const schools = new Map([[vuk.id, vuk]]);
    // Timers are the test's from here: the export waits for its turn between chunks until the test moves time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { result } = renderHook(() => useCaseListExport());
    let finished = false;
    act(() => void result.current.start({ rows, schools, schoolId: null }).then(() => (finished = true)));
    const turn = () => act(() => new Promise<void>((resolve) => setImmediate(resolve)));
    while (!(result.current.state.phase === 'working' && result.current.state.done > 0)) await turn();
    // The first step read: part of the way, no progress shown yet.
    const first = result.current.state.phase === 'working' ? result.current.state.done : 0;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(rows.length);
    expect(result.current.state).toEqual({ phase: 'working', done: first, total: rows.length, showProgress: false });
    act(() => {
      vi.advanceTimersByTime(SHOW_PROGRESS_AFTER_MS - 1);
    });
    expect(result.current.state).toMatchObject({ showProgress: false });
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(result.current.state).toMatchObject({ showProgress: true, done: first });
    while (!finished) {
      await turn();
      act(() => {
        vi.advanceTimersByTime(1);
      });
    }
    expect(result.current.state).toEqual({ phase: 'idle' });
    expect(downloads).toHaveLength(1);
  });

  it('says what the file will hold before it is made, and shows no progress yet', async () => {
    const student = await seedStudentAt(db, vuk);
    await bulkPutCases(db, 3, { id: student, schoolId: vuk.id });
    await renderList();
    const button = screen.getByRole('button', { name: 'Export CSV' });
    expect(button).toHaveAccessibleDescription(/spreadsheet of the 3 cases shown/);
    expect(within(button.parentElement!).queryByRole('status')).toBeNull();
  });
});
