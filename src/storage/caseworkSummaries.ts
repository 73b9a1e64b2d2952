import { summarizeScreenings, summarizeVisits } from '../domain/caseworkSummaries.ts';
import type { Table } from 'dexie';
import type { UraDatabase } from './UraDatabase.ts';

/**
 * Recomputes the visit summary of each case from its notes (a handful per
 * case). Called inside the transaction that wrote a note, locally or from a
 * pull, so the summary never disagrees with the notes.
 */
export async function refreshVisitSummaries(db: UraDatabase, caseIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(caseIds)];
  // All reads at once, then one write: a pulled page touches a hundred cases, and a read each in turn
  // cost 3.4 s of 15 s of a first sync (docs/benchmarks.md, "First sync with sealed rows").
  const notes = await Promise.all(ids.map((caseId) => db.homeVisits.where('caseId').equals(caseId).toArray()));
  await keepSummaries(
    db.visitSummaries,
    ids,
    ids.map((caseId, index) => summarizeVisits(caseId, notes[index] ?? [])),
  );
}

/** Recomputes the screening summary of each student, inside the transaction that wrote a screening. */
export async function refreshScreeningSummaries(db: UraDatabase, studentIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(studentIds)];
  const screenings = await Promise.all(
    ids.map((studentId) => db.screenings.where('studentId').equals(studentId).toArray()),
  );
  await keepSummaries(
    db.screeningSummaries,
    ids,
    ids.map((studentId, index) => summarizeScreenings(studentId, screenings[index] ?? [])),
  );
}

/** Writes the summaries there are and removes the keys that have none (no notes or screenings left). */
async function keepSummaries<T>(table: Table<T, string>, keys: readonly string[], summaries: readonly (T | null)[]) {
  const kept = summaries.filter((summary): summary is T => summary !== null);
  const gone = keys.filter((_, index) => summaries[index] === null);
  if (kept.length > 0) await table.bulkPut(kept);
  if (gone.length > 0) await table.bulkDelete(gone);
}
