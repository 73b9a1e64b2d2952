import { summarizeScreenings, summarizeVisits } from '../domain/caseworkSummaries.ts';
import type { UraDatabase } from './UraDatabase.ts';

/**
 * Recomputes the visit summary of each case from its notes (a handful per
 * case). Called inside the transaction that wrote a note, locally or from a
 * pull, so the summary never disagrees with the notes.
 */
export async function refreshVisitSummaries(db: UraDatabase, caseIds: Iterable<string>): Promise<void> {
  for (const caseId of new Set(caseIds)) {
    const summary = summarizeVisits(caseId, await db.homeVisits.where('caseId').equals(caseId).toArray());
    if (summary) await db.visitSummaries.put(summary);
    else await db.visitSummaries.delete(caseId);
  }
}

/** Recomputes the screening summary of each student, inside the transaction that wrote a screening. */
export async function refreshScreeningSummaries(db: UraDatabase, studentIds: Iterable<string>): Promise<void> {
  for (const studentId of new Set(studentIds)) {
    const summary = summarizeScreenings(studentId, await db.screenings.where('studentId').equals(studentId).toArray());
    if (summary) await db.screeningSummaries.put(summary);
    else await db.screeningSummaries.delete(studentId);
  }
}
