import { flagCase, type CaseRecord, type CaseStatus, type CaseTrigger } from '../domain/caseRecord.ts';
import {
  assignCaseManager,
  recordReview,
  transition,
  type CaseUpdateResult,
  type TransitionOptions,
  type WorkflowError,
} from '../domain/caseWorkflow.ts';
import type { IsoDate } from '../domain/dueDates.ts';
import type { CaseEventRow, CaseRow } from './caseworkRecords.ts';
import {
  addRecord,
  changedFields,
  newRecordId,
  setRecordFields,
  writeTransaction,
  type AddOutcome,
} from './recordWrites.ts';
import { nextHlc } from './syncMeta.ts';
import type { UraDatabase } from './UraDatabase.ts';
import { refreshCaseIndex } from './caseIndex.ts';

/** A refused change writes nothing; `code` is the domain's (`casework:transitionError.<code>`). */
export type CaseChangeResult = { ok: true; case: CaseRow } | { ok: false; code: WorkflowError };
export type TransitionResult = { ok: true; case: CaseRow; eventId: string } | { ok: false; code: WorkflowError };

async function requireCase(db: UraDatabase, caseId: string): Promise<CaseRow> {
  const record = await db.cases.get(caseId);
  if (!record) throw new Error('case not found');
  return record;
}

/**
 * Flags a case for a student on the device (a new case starts as a flag).
 * The school is the student's. `id` is made when the screen opens, so a
 * second tap finds the case and writes nothing.
 */
export async function createCase(
  db: UraDatabase,
  input: { id: string; studentId: string; trigger: CaseTrigger; at: IsoDate },
): Promise<AddOutcome> {
  return writeTransaction(db, [db.cases, db.students], async () => {
    if ((await db.cases.get(input.id)) !== undefined) return 'alreadyAdded';
    const student = await db.students.get(input.studentId);
    if (!student) throw new Error('student not found');
    const record = flagCase({ ...input, schoolId: student.schoolId });
    const outcome = await addRecord(db, db.cases, 'case', record, await nextHlc(db));
    await refreshCaseIndex(db, { caseIds: [record.id] });
    return outcome;
  });
}

/**
 * Moves a case along the workflow (caseWorkflow.ts decides). One transaction
 * writes the changed case fields as a `set` and appends the status change as
 * a new caseEvent record, so the history never misses a step.
 */
export async function transitionCase(
  db: UraDatabase,
  caseId: string,
  to: CaseStatus,
  options: TransitionOptions,
): Promise<TransitionResult> {
  return writeTransaction(db, [db.cases, db.caseEvents], async () => {
    const current = await requireCase(db, caseId);
    const result = transition(current, to, options);
    // Refused before the clock ticks: a refusal leaves no trace at all.
    if (!result.ok) return result;
    const hlc = await nextHlc(db);
    await setRecordFields(db, db.cases, 'case', current, changedFields(current, result.case), hlc);
    const eventId = newRecordId();
    await addRecord<CaseEventRow>(db, db.caseEvents, 'caseEvent', { id: eventId, ...result.event }, hlc);
    await refreshCaseIndex(db, { caseIds: [caseId] });
    return { ok: true, case: await requireCase(db, caseId), eventId };
  });
}

async function updateCase(
  db: UraDatabase,
  caseId: string,
  update: (record: CaseRecord) => CaseUpdateResult,
): Promise<CaseChangeResult> {
  return writeTransaction(db, [db.cases], async () => {
    const current = await requireCase(db, caseId);
    const result = update(current);
    if (!result.ok) return result;
    const changes = changedFields(current, result.case);
    if (Object.keys(changes).length === 0) return { ok: true, case: current };
    await setRecordFields(db, db.cases, 'case', current, changes, await nextHlc(db));
    await refreshCaseIndex(db, { caseIds: [caseId] });
    return { ok: true, case: await requireCase(db, caseId) };
  });
}

/** Replaces the case manager (one per case); synced as a `set` of that field alone. */
export async function setCaseManager(
  db: UraDatabase,
  caseId: string,
  caseManagerId: string,
): Promise<CaseChangeResult> {
  return updateCase(db, caseId, (record) => assignCaseManager(record, caseManagerId));
}

/** Records a plan review, which moves the next review's due date. */
export async function recordCaseReview(db: UraDatabase, caseId: string, at: IsoDate): Promise<CaseChangeResult> {
  return updateCase(db, caseId, (record) => recordReview(record, at));
}

export async function getCase(db: UraDatabase, caseId: string): Promise<CaseRow | undefined> {
  return db.cases.get(caseId);
}

/** Every case on the device, or those in one status (the case list and Today). */
export async function listCases(db: UraDatabase, status?: CaseStatus): Promise<CaseRow[]> {
  return status === undefined ? db.cases.toArray() : db.cases.where('status').equals(status).toArray();
}

export async function casesForStudent(db: UraDatabase, studentId: string): Promise<CaseRow[]> {
  return db.cases.where('studentId').equals(studentId).toArray();
}

/**
 * A case's status changes, oldest first: by date, then by id (UUIDv7 ids
 * follow the order they were made), so every device shows the same order.
 */
export async function caseHistory(db: UraDatabase, caseId: string): Promise<CaseEventRow[]> {
  const events = await db.caseEvents.where('caseId').equals(caseId).toArray();
  return events.sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1));
}
