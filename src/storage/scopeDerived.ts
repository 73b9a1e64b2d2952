import { refreshCaseIndex } from './caseIndex.ts';
import { refreshScreeningSummaries, refreshVisitSummaries } from './caseworkSummaries.ts';
import type { ChildTable, LocalParents, ScopedTable } from './localRecordKeys.ts';
import type { StudentRecord, UraDatabase } from './UraDatabase.ts';

/** What a field holds when the user may not see it: the value of "not recorded". */
const EMPTY_VALUES: Readonly<Record<string, unknown>> = { community: '' };

function emptyValueOf(field: string, current: unknown): unknown {
  if (field in EMPTY_VALUES) return EMPTY_VALUES[field];
  return typeof current === 'string' ? '' : null;
}

/**
 * The students whose hidden fields hold something, with those fields set to
 * "not recorded" and their stamps dropped: should the user see them again,
 * the re-pull must not find a stamp here as new as the server's.
 */
export function strippedStudents(
  students: readonly StudentRecord[],
  hidden: ReadonlyMap<string, readonly string[]>,
): StudentRecord[] {
  const out: StudentRecord[] = [];
  for (const student of students) {
    const row = student as unknown as Record<string, unknown>;
    const hlcs = { ...student.hlcs } as Record<string, string>;
    const fields = (hidden.get(student.id) ?? []).filter(
      (field) => field in hlcs || row[field] !== emptyValueOf(field, row[field]),
    );
    if (fields.length === 0) continue;
    const next = { ...row };
    for (const field of fields) {
      next[field] = emptyValueOf(field, row[field]);
      delete hlcs[field];
    }
    out.push({ ...(next as unknown as StudentRecord), hlcs });
  }
  return out;
}

/** Drafts are keyed by the form's record ids ("homeVisit:<caseId>", "screening:<studentId>:<term>"). */
async function removeDrafts(db: UraDatabase, removed: ReadonlySet<string>): Promise<void> {
  if (removed.size === 0) return;
  const keys = await db.drafts.toCollection().primaryKeys();
  await db.drafts.bulkDelete(keys.filter((key) => key.split(':').some((part) => removed.has(part))));
}

/** The parents (case or student ids) of rows kept for a pending change in `table`. */
async function parentsOfKept(
  db: UraDatabase,
  table: 'homeVisits' | 'screenings',
  kept: readonly { table: string; id: string }[],
) {
  const ids = kept.filter((row) => row.table === table).map((row) => row.id);
  const rows = table === 'homeVisits' ? await db.homeVisits.bulkGet(ids) : await db.screenings.bulkGet(ids);
  return new Set(
    rows.flatMap((row) =>
      row
        ? [table === 'homeVisits' ? (row as { caseId: string }).caseId : (row as { studentId: string }).studentId]
        : [],
    ),
  );
}

/**
 * Derived rows follow the records: a removed case loses its index entry and
 * visit summary, a removed student its screening summary; a case that stays
 * but lost its notes, plan actions, student or its student's screenings (a
 * teacher sees the case, not the notes) has its summaries and entry rewritten.
 */
export async function refreshDerivedAfterPrune(
  db: UraDatabase,
  parents: LocalParents,
  removed: ReadonlyMap<ScopedTable, ReadonlySet<string>>,
  goneParents: ReadonlyMap<ChildTable, ReadonlySet<string>>,
  kept: readonly { table: string; id: string }[],
): Promise<void> {
  const removedCases = removed.get('cases') ?? new Set<string>();
  const removedStudents = removed.get('students') ?? new Set<string>();
  await db.caseIndex.bulkDelete([...removedCases]);
  await db.visitSummaries.bulkDelete([...removedCases]);
  await db.screeningSummaries.bulkDelete([...removedStudents]);
  await removeDrafts(db, new Set([...removedCases, ...removedStudents]));

  const staying = (ids: ReadonlySet<string> | undefined, gone: ReadonlySet<string>): string[] =>
    [...(ids ?? [])].filter((id) => !gone.has(id));
  const visitCases = staying(goneParents.get('homeVisits'), removedCases);
  const screenedStudents = staying(goneParents.get('screenings'), removedStudents);
  const keptVisits = await parentsOfKept(db, 'homeVisits', kept);
  const keptScreenings = await parentsOfKept(db, 'screenings', kept);
  await db.visitSummaries.bulkDelete(visitCases.filter((id) => !keptVisits.has(id)));
  await refreshVisitSummaries(
    db,
    visitCases.filter((id) => keptVisits.has(id)),
  );
  await db.screeningSummaries.bulkDelete(screenedStudents.filter((id) => !keptScreenings.has(id)));
  await refreshScreeningSummaries(
    db,
    screenedStudents.filter((id) => keptScreenings.has(id)),
  );

  const touchedStudents = new Set([...screenedStudents, ...removedStudents]);
  const caseIds = new Set([...visitCases, ...staying(goneParents.get('planActions'), removedCases)]);
  for (const record of parents.cases)
    if (touchedStudents.has(record.studentId) && !removedCases.has(record.id)) caseIds.add(record.id);
  if (caseIds.size > 0) await refreshCaseIndex(db, { caseIds });
}
