import type { MapActivityRow, MapGoalRow, MapPlanRow, MapProgressRow } from './mapRecords.ts';
import type { UraDatabase } from './UraDatabase.ts';

/** A plan with everything under it, for its screen and its report. */
export interface MapPlanContents {
  plan: MapPlanRow;
  /** Goals in plan order, removed ones left out. */
  goals: MapGoalRow[];
  /** Activities of those goals, removed ones left out. */
  activities: MapActivityRow[];
  progress: MapProgressRow[];
}

/** The plans on the device, of one municipality or all, the newest period first. */
export async function mapPlansOf(db: UraDatabase, municipalityId?: string): Promise<MapPlanRow[]> {
  const plans =
    municipalityId === undefined
      ? await db.mapPlans.toArray()
      : await db.mapPlans.where('municipalityId').equals(municipalityId).toArray();
  // A plan pulled across two pages may not have its period yet.
  return plans.sort((a, b) => (b.periodStart ?? '').localeCompare(a.periodStart ?? ''));
}

export async function mapPlanContents(db: UraDatabase, planId: string): Promise<MapPlanContents | undefined> {
  return db.transaction('r', [db.mapPlans, db.mapGoals, db.mapActivities, db.mapProgress], async () => {
    const plan = await db.mapPlans.get(planId);
    if (plan === undefined) return undefined;
    const goals = (await db.mapGoals.where('planId').equals(planId).toArray())
      .filter((goal) => goal.removed !== true)
      .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
    const goalIds = new Set(goals.map((goal) => goal.id));
    const activities = (await db.mapActivities.where('planId').equals(planId).toArray())
      .filter((activity) => activity.removed !== true && goalIds.has(activity.goalId))
      .sort((a, b) => a.id.localeCompare(b.id));
    const progress = await db.mapProgress.where('planId').equals(planId).toArray();
    return { plan, goals, activities, progress };
  });
}
