import type { Table } from 'dexie';
import type {
  MapActivity,
  MapActivityFields,
  MapGoal,
  MapGoalFields,
  MapPlan,
  MapPlanFields,
  MapProgress,
  MapProgressFields,
} from '../domain/map/mapRecords.ts';
import {
  validateMapActivity,
  validateMapGoal,
  validateMapPlan,
  validateMapProgress,
  type MapErrors,
} from '../domain/map/mapValidation.ts';
import type { MapEntity } from '../sync/protocol.ts';
import type { MapActivityRow, MapGoalRow, MapPlanRow, MapProgressRow } from './mapRecords.ts';
import { addRecord, changedFields, setRecordFields, writeTransaction, type VersionedRow } from './recordWrites.ts';
import { nextHlc } from './syncMeta.ts';
import type { UraDatabase } from './UraDatabase.ts';

/**
 * Writes of the Municipal Action Plan (docs/map.md). Each is one transaction
 * with its outbox row, like all casework; each is validated here as well as by
 * its form, so nothing the server would refuse waits in the outbox.
 */
export type MapWriteResult<R, F> = { ok: true; record: R } | { ok: false; errors: MapErrors<F> };

interface MapKind<R extends VersionedRow, F> {
  entity: MapEntity;
  table: (db: UraDatabase) => Table<R, string>;
  validate: (raw: unknown) => { ok: true; value: F } | { ok: false; errors: MapErrors<F> };
}

const PLAN: MapKind<MapPlanRow, MapPlanFields> = {
  entity: 'mapPlan',
  table: (db) => db.mapPlans,
  validate: validateMapPlan,
};
const GOAL: MapKind<MapGoalRow, MapGoalFields> = {
  entity: 'mapGoal',
  table: (db) => db.mapGoals,
  validate: validateMapGoal,
};
const ACTIVITY: MapKind<MapActivityRow, MapActivityFields> = {
  entity: 'mapActivity',
  table: (db) => db.mapActivities,
  validate: validateMapActivity,
};
const PROGRESS: MapKind<MapProgressRow, MapProgressFields> = {
  entity: 'mapProgress',
  table: (db) => db.mapProgress,
  validate: validateMapProgress,
};

/** A new record (its id made when the form opened): a second save of the same id writes nothing. */
async function addMapRecord<R extends VersionedRow, F>(
  db: UraDatabase,
  kind: MapKind<R, F>,
  id: string,
  raw: F,
): Promise<MapWriteResult<R, F>> {
  const checked = kind.validate(raw);
  if (!checked.ok) return checked;
  const table = kind.table(db);
  return writeTransaction(db, [table], async () => {
    const record = { ...checked.value, id } as unknown as Omit<R, 'hlcs'>;
    await addRecord(db, table, kind.entity, record, await nextHlc(db));
    return { ok: true, record: (await table.get(id)) as R };
  });
}

/** Changes some fields of a record; only those that differ are synced, as a `set`. */
async function changeMapRecord<R extends VersionedRow, F>(
  db: UraDatabase,
  kind: MapKind<R, F>,
  id: string,
  changes: Partial<F>,
): Promise<MapWriteResult<R, F>> {
  const table = kind.table(db);
  return writeTransaction(db, [table], async () => {
    const current = await table.get(id);
    if (current === undefined) throw new Error(`${kind.entity} not found`);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the id and stamps are not fields
    const { id: ignoredId, hlcs, ...fields } = { ...current, ...changes } as unknown as Record<string, unknown>;
    const checked = kind.validate(fields);
    if (!checked.ok) return checked;
    const changed = changedFields(current, { ...current, ...checked.value });
    if (Object.keys(changed).length > 0) {
      await setRecordFields(db, table, kind.entity, current, changed, await nextHlc(db));
    }
    return { ok: true, record: (await table.get(id)) as R };
  });
}

export const addMapPlan = (db: UraDatabase, plan: MapPlan) => addMapRecord(db, PLAN, plan.id, withoutId(plan));
export const changeMapPlan = (db: UraDatabase, id: string, changes: Partial<MapPlanFields>) =>
  changeMapRecord(db, PLAN, id, changes);
export const addMapGoal = (db: UraDatabase, goal: MapGoal) => addMapRecord(db, GOAL, goal.id, withoutId(goal));
export const changeMapGoal = (db: UraDatabase, id: string, changes: Partial<MapGoalFields>) =>
  changeMapRecord(db, GOAL, id, changes);
export const addMapActivity = (db: UraDatabase, activity: MapActivity) =>
  addMapRecord(db, ACTIVITY, activity.id, withoutId(activity));
export const changeMapActivity = (db: UraDatabase, id: string, changes: Partial<MapActivityFields>) =>
  changeMapRecord(db, ACTIVITY, id, changes);
export const addMapProgress = (db: UraDatabase, progress: MapProgress) =>
  addMapRecord(db, PROGRESS, progress.id, withoutId(progress));
export const changeMapProgress = (db: UraDatabase, id: string, changes: Partial<MapProgressFields>) =>
  changeMapRecord(db, PROGRESS, id, changes);

function withoutId<T extends { id: string }>(record: T): Omit<T, 'id'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the id travels apart
  const { id, ...fields } = record;
  return fields;
}
