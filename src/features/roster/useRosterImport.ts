import { useRef, useState } from 'react';
import type { AccessScope } from '../../domain/accessScope.ts';
import { rosterChecker, type RosterRow } from '../../domain/roster/rosterCheck.ts';
import type { RosterEncoding } from '../../domain/roster/rosterEncoding.ts';
import { guessMapping, type RosterMapping } from '../../domain/roster/rosterFields.ts';
import { readRoster, type RosterFileProblem, type RosterTable } from '../../domain/roster/rosterFile.ts';
import type { StudentFields } from '../../domain/student.ts';
import type { Place } from '../../domain/writeRights.ts';
import { db } from '../../storage/database.ts';
import { importRosterStudents, loadRosterContext, type RosterContext } from '../../storage/rosterImport.ts';
import { writeFailureOf, type WriteFailure } from '../../storage/writeFailure.ts';
import { afterLocalWrite } from '../../sync/afterLocalWrite.ts';
import { rosterPlaceOf } from './rosterPlaces.ts';
import { markStep, yieldToPage } from './yieldToPage.ts';

export type RosterStage =
  | { name: 'choose'; problem: RosterFileProblem | { code: 'unreadable' } | null }
  | { name: 'reading'; fraction: number }
  | { name: 'mapping'; table: RosterTable; mapping: RosterMapping }
  | { name: 'checking'; table: RosterTable; mapping: RosterMapping; fraction: number }
  | { name: 'preview'; table: RosterTable; mapping: RosterMapping; rows: RosterRow[] }
  | { name: 'importing'; table: RosterTable; mapping: RosterMapping; rows: RosterRow[]; written: number; total: number }
  | { name: 'done'; added: number };

function prefetchContext(): Promise<RosterContext> {
  const loading = loadRosterContext(db);
  // Marked for the benchmark; a failure is handled where the checks await it.
  loading.then(
    () => markStep('context-loaded'),
    () => undefined,
  );
  return loading;
}

/** Work between two pauses for the page: long enough to be quick, short enough for taps to be answered. */
const SLICE_MS = 40;

/**
 * The import's steps: read the file (its bytes kept, so a file found not to be
 * UTF-8 can be read again as Windows-1250 or -1251), match the columns, check
 * every row, import the chosen students. Long steps run in slices and tell
 * their progress; nothing is written before `importStudents`.
 */
export function useRosterImport() {
  const [stage, setStage] = useState<RosterStage>({ name: 'choose', problem: null });
  const bytes = useRef<Uint8Array | null>(null);
  // The students already on the phone, read while the user looks at the columns: opening thousands of
  // sealed rows takes seconds on a slow phone, and the row checks need them only once the user goes on.
  const context = useRef<Promise<RosterContext> | null>(null);
  // A ref, not state: a double tap arrives before React re-renders the disabled button.
  const busy = useRef(false);

  async function read(encoding: RosterEncoding): Promise<void> {
    const file = bytes.current;
    if (file === null) return;
    setStage({ name: 'reading', fraction: 0 });
    const result = await readRoster(file, encoding, {
      onProgress: (fraction) => setStage({ name: 'reading', fraction }),
      pause: yieldToPage,
    });
    markStep('file-read');
    if (!result.ok) setStage({ name: 'choose', problem: result.problem });
    else {
      setStage({ name: 'mapping', table: result.table, mapping: guessMapping(result.table.header) });
      context.current ??= prefetchContext();
    }
  }

  async function readFile(file: File): Promise<void> {
    markStep('file-chosen');
    try {
      bytes.current = new Uint8Array(await file.arrayBuffer());
    } catch {
      setStage({ name: 'choose', problem: { code: 'unreadable' } });
      return;
    }
    await read('utf-8');
  }

  async function check(table: RosterTable, mapping: RosterMapping, place: Place, scope: AccessScope): Promise<void> {
    markStep('check-start');
    setStage({ name: 'checking', table, mapping, fraction: 0 });
    context.current ??= prefetchContext();
    let loaded: RosterContext;
    try {
      loaded = await context.current;
    } catch {
      // The phone's database could not be read (locked, or the disk): nothing is lost, the user may try again.
      context.current = null;
      return setStage({ name: 'mapping', table, mapping });
    }
    markStep('rows-start');
    const { known, schools, classNames } = loaded;
    const school = schools.find((row) => row.id === place.schoolId);
    if (school === undefined) return setStage({ name: 'mapping', table, mapping });
    const next = rosterChecker({
      mapping,
      place: rosterPlaceOf(place, school, classNames),
      scope,
      known,
      today: new Date(),
    });
    const rows: RosterRow[] = [];
    let sliceStart = performance.now();
    for (const record of table.records) {
      rows.push(next(record));
      if (performance.now() - sliceStart > SLICE_MS) {
        setStage({ name: 'checking', table, mapping, fraction: rows.length / table.records.length });
        await yieldToPage();
        sliceStart = performance.now();
      }
    }
    setStage({ name: 'preview', table, mapping, rows });
    markStep('preview-ready');
  }

  /** Writes the students in one transaction; answers why nothing was written, or null once all are. */
  async function importStudents(students: readonly StudentFields[]): Promise<WriteFailure | null> {
    if (busy.current || stage.name !== 'preview') return null;
    busy.current = true;
    markStep('import-start');
    const preview = stage;
    const total = students.length;
    setStage({ ...preview, name: 'importing', written: 0, total });
    try {
      await importRosterStudents(db, students, (written) =>
        setStage({ ...preview, name: 'importing', written, total }),
      );
      afterLocalWrite();
      // The next file is checked against the phone as it is now, these students included.
      context.current = null;
      setStage({ name: 'done', added: total });
      markStep('import-done');
      return null;
    } catch (error) {
      // Back to the same preview, the user's choices on it kept: nothing was written.
      setStage(preview);
      return writeFailureOf(error);
    } finally {
      busy.current = false;
    }
  }

  return {
    stage,
    readFile: (file: File) => void readFile(file),
    reread: (encoding: RosterEncoding) => void read(encoding),
    check: (...args: Parameters<typeof check>) => void check(...args),
    importStudents,
    backToMapping: (table: RosterTable, mapping: RosterMapping) => setStage({ name: 'mapping', table, mapping }),
    startOver: () => {
      bytes.current = null;
      context.current = null;
      setStage({ name: 'choose', problem: null });
    },
  };
}
