import type { IsoDate } from '../domain/dueDates.ts';
import {
  changePlanActionStatus,
  type PlanAction,
  type PlanActionError,
  type PlanActionFields,
  type PlanActionOutcome,
  type PlanActionStatus,
} from '../domain/planAction.ts';
import type { PlanActionRow } from './caseworkRecords.ts';
import {
  addRecord,
  changedFields,
  pickFields,
  setRecordFields,
  writeTransaction,
  type AddOutcome,
} from './recordWrites.ts';
import { nextHlc } from './syncMeta.ts';
import type { UraDatabase } from './UraDatabase.ts';
import { refreshCaseIndex } from './caseIndex.ts';

export type PlanActionChangeResult = { ok: true; action: PlanActionRow } | { ok: false; code: PlanActionError };
/** The details an edit may change; status and outcome change through updatePlanActionStatus. */
export type PlanActionDetails = Partial<
  Pick<PlanActionFields, 'interventionType' | 'description' | 'responsible' | 'dueDate'>
>;

const ACTION_KEYS: Readonly<Record<keyof PlanAction, true>> = {
  id: true,
  caseId: true,
  interventionType: true,
  description: true,
  responsible: true,
  dueDate: true,
  status: true,
  outcome: true,
  outcomeNote: true,
  completedAt: true,
};

async function requireAction(db: UraDatabase, id: string): Promise<PlanActionRow> {
  const action = await db.planActions.get(id);
  if (!action) throw new Error('plan action not found');
  return action;
}

/** Adds an action to a case's plan (validated by the form with validatePlanAction). A repeated id writes nothing. */
export async function addPlanAction(db: UraDatabase, action: PlanAction): Promise<AddOutcome> {
  const record = pickFields(action, ACTION_KEYS);
  return writeTransaction(db, [db.planActions, db.cases], async () => {
    if ((await db.planActions.get(record.id)) !== undefined) return 'alreadyAdded';
    if ((await db.cases.get(record.caseId)) === undefined) throw new Error('case not found');
    const outcome = await addRecord(
      db,
      db.planActions,
      'planAction',
      { ...record, responsible: { ...record.responsible } },
      await nextHlc(db),
    );
    await refreshCaseIndex(db, { caseIds: [record.caseId] });
    return outcome;
  });
}

async function changeAction(
  db: UraDatabase,
  id: string,
  change: (action: PlanActionRow) => PlanActionChangeResult | { ok: true; action: PlanAction },
): Promise<PlanActionChangeResult> {
  return writeTransaction(db, [db.planActions], async () => {
    const current = await requireAction(db, id);
    const result = change(current);
    if (!result.ok) return result;
    const changes = changedFields(current, result.action);
    if (Object.keys(changes).length === 0) return { ok: true, action: current };
    await setRecordFields(db, db.planActions, 'planAction', current, changes, await nextHlc(db));
    await refreshCaseIndex(db, { caseIds: [current.caseId] });
    return { ok: true, action: await requireAction(db, id) };
  });
}

/**
 * Moves an action to a new status (planAction.ts decides; finishing needs an
 * outcome). Only the fields that changed are synced, as a `set`.
 */
export async function updatePlanActionStatus(
  db: UraDatabase,
  id: string,
  to: PlanActionStatus,
  options: { at: IsoDate; outcome?: PlanActionOutcome; outcomeNote?: string },
): Promise<PlanActionChangeResult> {
  return changeAction(db, id, (action) => changePlanActionStatus(action, to, options));
}

/** Edits what the action is, who carries it and by when; only changed fields are synced. */
export async function editPlanAction(
  db: UraDatabase,
  id: string,
  details: PlanActionDetails,
): Promise<PlanActionChangeResult> {
  return changeAction(db, id, (action) => ({ ok: true, action: { ...action, ...details } }));
}

export async function getPlanAction(db: UraDatabase, id: string): Promise<PlanActionRow | undefined> {
  return db.planActions.get(id);
}

export async function planActionsForCase(db: UraDatabase, caseId: string): Promise<PlanActionRow[]> {
  return db.planActions.where('caseId').equals(caseId).toArray();
}
