import { canRead, type AccessScope } from '../domain/accessScope.ts';
import type { UraDatabase } from './UraDatabase.ts';

/** The device tables of the Municipal Action Plan. */
export const MAP_TABLES = ['mapPlans', 'mapGoals', 'mapActivities', 'mapProgress'] as const;
export type MapTable = (typeof MAP_TABLES)[number];

export interface MapPruneResult {
  removed: number;
  /** Records out of scope kept because a pending change still writes them. */
  kept: { table: MapTable; id: string }[];
}

/**
 * Removes the Action Plan records of municipalities the scope no longer
 * reaches (a coordinator moved or whose role ended), except those a pending
 * change still writes; they go after the next sync (removeScopeLeftovers runs
 * the pruning again). A record whose plan is not on the device is judged by
 * that absence: it cannot be shown, and the next pull brings it back if it
 * is still in scope. Whole reads: a municipality has a handful of plans.
 * Run inside pruneToScope's transaction.
 */
export async function pruneMapRecords(
  db: UraDatabase,
  scope: AccessScope,
  pending: ReadonlySet<string>,
): Promise<MapPruneResult> {
  const plans = await db.mapPlans.toArray();
  const readablePlans = new Set(
    plans
      .filter((plan) =>
        canRead(scope, {
          entity: 'mapPlan',
          schoolId: null,
          classKey: null,
          studentId: null,
          caseId: null,
          municipalityId: plan.municipalityId ?? null,
        }),
      )
      .map((plan) => plan.id),
  );
  const result: MapPruneResult = { removed: 0, kept: [] };
  const judge = async (table: MapTable, rows: readonly { id: string; planId?: string }[]) => {
    const gone = rows.filter((row) => !readablePlans.has(table === 'mapPlans' ? row.id : (row.planId ?? '')));
    const removable = gone.filter((row) => !pending.has(row.id)).map((row) => row.id);
    for (const row of gone) if (pending.has(row.id)) result.kept.push({ table, id: row.id });
    await db[table].bulkDelete(removable);
    result.removed += removable.length;
  };
  await judge('mapPlans', plans);
  await judge('mapGoals', await db.mapGoals.toArray());
  await judge('mapActivities', await db.mapActivities.toArray());
  await judge('mapProgress', await db.mapProgress.toArray());
  return result;
}
