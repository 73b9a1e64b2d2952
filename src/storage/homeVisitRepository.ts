import type { HomeVisit, HomeVisitFields } from '../domain/homeVisit.ts';
import type { HomeVisitRow } from './caseworkRecords.ts';
import { summarizeVisits } from '../domain/caseworkSummaries.ts';
import { withNextVisit } from '../domain/caseIndex.ts';
import { pickFields, storeNewRecord, writeTransaction, type AddOutcome } from './recordWrites.ts';
import { nextHlc } from './syncMeta.ts';
import type { UraDatabase } from './UraDatabase.ts';
import { refreshCaseIndex } from './caseIndex.ts';

/** What the visit form supplies: the note's fields, the id made when the form opened, and the author. */
export type HomeVisitInput = HomeVisitFields & Pick<HomeVisit, 'id' | 'recordedBy'>;

const VISIT_KEYS: Readonly<Record<keyof HomeVisitInput, true>> = {
  id: true,
  recordedBy: true,
  caseId: true,
  visitDate: true,
  startTime: true,
  endTime: true,
  planned: true,
  otherVisitors: true,
  language: true,
  interpreterOrMediator: true,
  outcome: true,
  newAddress: true,
  present: true,
  statedReasons: true,
  statedReasonsText: true,
  observations: true,
  childView: true,
  strengths: true,
  safeguardingConcern: true,
  agreedActions: true,
  nextVisitDate: true,
  familyInformedOfDataUse: true,
  consent: true,
  parentAcknowledged: true,
  notes: true,
  correctionOf: true,
};

/** Where the visit form keeps its half-written note: one per case, and one per note being corrected. */
export function homeVisitDraftKey(caseId: string, correctionOf: string | null = null): string {
  return correctionOf === null ? `homeVisit:${caseId}` : `homeVisit:${caseId}:correction:${correctionOf}`;
}

/**
 * Saves a visit note (append-only). A correction is a new note whose
 * `correctionOf` names the note it corrects, on the same case; the original
 * is never touched. The form's id makes a double tap harmless: the second
 * call finds the note and writes nothing. The form's draft, if `draftKey` is
 * given, is cleared in the same transaction, so a saved note never comes back
 * as a draft and a failed save never loses one.
 */
export async function addHomeVisit(
  db: UraDatabase,
  input: HomeVisitInput,
  options: { draftKey?: string } = {},
): Promise<AddOutcome> {
  const record: Omit<HomeVisitRow, 'hlcs'> = {
    ...pickFields(input, VISIT_KEYS),
    // Copies, so the form can go on changing its arrays without touching what was saved.
    present: [...input.present],
    statedReasons: [...input.statedReasons],
    agreedActions: input.agreedActions.map((action) => ({ ...action })),
    recordedAt: new Date().toISOString(),
  };
  return writeTransaction(db, [db.homeVisits, db.cases, db.drafts, db.visitSummaries], async () => {
    // Everything the save needs, asked for at once: a visit is saved in the field, often on a slow phone,
    // and every separate wait for IndexedDB is a round trip (issue 3's 20 ms goal).
    const [existing, caseRow, original, notes, indexEntry, hlc] = await Promise.all([
      db.homeVisits.get(record.id),
      db.cases.get(record.caseId),
      record.correctionOf === null ? undefined : db.homeVisits.get(record.correctionOf),
      db.homeVisits.where('caseId').equals(record.caseId).toArray(),
      db.caseIndex.get(record.caseId),
      nextHlc(db),
    ]);
    if (existing !== undefined) return 'alreadyAdded';
    if (caseRow === undefined) throw new Error('case not found');
    if (record.correctionOf !== null && original?.caseId !== record.caseId) {
      throw new Error('corrected visit not found on this case');
    }
    // Never null: the new note is itself current (nothing corrects it yet).
    const summary = summarizeVisits(record.caseId, [...notes, record]);
    await Promise.all([
      storeNewRecord(db, db.homeVisits, 'homeVisit', record, hlc),
      summary && db.visitSummaries.put(summary),
      indexEntry ? db.caseIndex.put(withNextVisit(indexEntry, summary ?? undefined)) : undefined,
      options.draftKey === undefined ? undefined : db.drafts.delete(options.draftKey),
    ]);
    // A case without an index entry (written before the index existed) gets one from its sources.
    if (!indexEntry) await refreshCaseIndex(db, { caseIds: [record.caseId] });
    return 'added';
  });
}

export async function getHomeVisit(db: UraDatabase, id: string): Promise<HomeVisitRow | undefined> {
  return db.homeVisits.get(id);
}

/** Every note of a case, corrections included; visitTimeline (domain) orders them and links corrections. */
export async function visitsForCase(db: UraDatabase, caseId: string): Promise<HomeVisitRow[]> {
  return db.homeVisits.where('caseId').equals(caseId).toArray();
}

/** The notes that correct `visitId`, directly. */
export async function correctionsOf(db: UraDatabase, visitId: string): Promise<HomeVisitRow[]> {
  return db.homeVisits.where('correctionOf').equals(visitId).toArray();
}
