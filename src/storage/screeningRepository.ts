import type { ProtocolProfile } from '../domain/protocolProfile.ts';
import { compareScreeningOrder, scoreScreening, type Screening } from '../domain/riskScreening.ts';
import type { ScreeningRow } from './caseworkRecords.ts';
import { refreshScreeningSummaries } from './caseworkSummaries.ts';
import { addRecord, writeTransaction, type AddOutcome } from './recordWrites.ts';
import { nextHlc } from './syncMeta.ts';
import type { UraDatabase } from './UraDatabase.ts';
import { refreshCaseIndex } from './caseIndex.ts';

/** What the screening form supplies; level, score and reasons are computed here from the profile. */
export type ScreeningInput = Pick<
  Screening,
  'id' | 'studentId' | 'term' | 'screenedOn' | 'screenedBy' | 'values' | 'protectiveFactors'
>;

/**
 * Stores a screening (append-only: a new screening is a new record) with the
 * level, score and reasons computed now, under the profile version that
 * computed them, so a later change of thresholds never rewrites history.
 * A second save with the same id writes nothing.
 */
export async function addScreening(
  db: UraDatabase,
  profile: ProtocolProfile,
  input: ScreeningInput,
): Promise<AddOutcome> {
  const result = scoreScreening(profile, input.values);
  const record: Omit<ScreeningRow, 'hlcs'> = {
    id: input.id,
    studentId: input.studentId,
    term: input.term,
    screenedOn: input.screenedOn,
    screenedBy: input.screenedBy,
    profileId: result.profileId,
    profileVersion: result.profileVersion,
    values: { ...input.values },
    // The server refuses a repeated factor; a double-checked box must not cost the screening.
    protectiveFactors: [...new Set(input.protectiveFactors)],
    level: result.level,
    score: result.score,
    reasons: result.reasons,
  };
  return writeTransaction(db, [db.screenings, db.screeningSummaries], async () => {
    if ((await db.screenings.get(record.id)) !== undefined) return 'alreadyAdded';
    const outcome = await addRecord(db, db.screenings, 'screening', record, await nextHlc(db));
    await refreshScreeningSummaries(db, [record.studentId]);
    await refreshCaseIndex(db, { studentIds: [record.studentId] });
    return outcome;
  });
}

export async function getScreening(db: UraDatabase, id: string): Promise<ScreeningRow | undefined> {
  return db.screenings.get(id);
}

/** One student's screenings, oldest first (pass them to screeningHistory for the changes of level). */
export async function screeningsForStudent(db: UraDatabase, studentId: string): Promise<ScreeningRow[]> {
  const rows = await db.screenings.where('studentId').equals(studentId).toArray();
  return rows.sort(compareScreeningOrder);
}
