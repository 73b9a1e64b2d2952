/**
 * Municipal Action Plan records for the server's sync tests: valid fields of
 * each type, a stored plan with one record of every kind under it, and what a
 * pull carried of them.
 */
import { randomUUID } from 'node:crypto';
import type {
  MapActivityFields,
  MapGoalFields,
  MapPlanFields,
  MapProgressFields,
} from '../../../src/domain/map/mapRecords.ts';
import type { AppDatabase } from '../../../src/server/database/openDatabase.ts';
import { MAP_ENTITIES } from '../../../src/sync/protocol.ts';
import { storeRecord } from '../../support/scopeFixtures.ts';

export function planFields(municipalityId: string, overrides: Partial<MapPlanFields> = {}): MapPlanFields {
  return {
    municipalityId,
    title: 'Plan against dropout 2026–2028',
    periodStart: '2026-01-01',
    periodEnd: '2028-12-31',
    status: 'draft',
    actReference: '',
    adoptedOn: null,
    ...overrides,
  };
}

export function goalFields(planId: string, overrides: Partial<MapGoalFields> = {}): MapGoalFields {
  return { planId, title: 'Find children at risk early', position: 1, removed: false, ...overrides };
}

export function activityFields(
  planId: string,
  goalId: string,
  overrides: Partial<MapActivityFields> = {},
): MapActivityFields {
  return {
    planId,
    goalId,
    title: 'Home visits by mentors',
    responsible: 'Partner CSO',
    startDate: '2026-03-01',
    endDate: '2028-12-31',
    budget: 8000,
    indicator: 'Families visited',
    indicatorSource: 'manual',
    unit: 'count',
    baseline: 0,
    target: 60,
    removed: false,
    ...overrides,
  };
}

export function progressFields(
  planId: string,
  activityId: string,
  overrides: Partial<MapProgressFields> = {},
): MapProgressFields {
  return {
    planId,
    activityId,
    period: '2026-Q3',
    value: 27,
    narrative: 'Visits went on over the summer.',
    recordedBy: 'Municipal coordinator',
    recordedAt: '2026-10-05T09:00:00.000Z',
    ...overrides,
  };
}

/** The ids of a stored plan and one goal, activity and progress entry under it. */
export interface StoredPlan {
  planId: string;
  goalId: string;
  activityId: string;
  progressId: string;
}

/** A plan of `municipalityId` with one record of every kind, written as the server's own writes. */
export async function storePlan(db: AppDatabase, municipalityId: string): Promise<StoredPlan> {
  const plan: StoredPlan = {
    planId: randomUUID(),
    goalId: randomUUID(),
    activityId: randomUUID(),
    progressId: randomUUID(),
  };
  await storeRecord(db, 'mapPlan', plan.planId, planFields(municipalityId));
  await storeRecord(db, 'mapGoal', plan.goalId, goalFields(plan.planId));
  await storeRecord(db, 'mapActivity', plan.activityId, activityFields(plan.planId, plan.goalId));
  await storeRecord(db, 'mapProgress', plan.progressId, progressFields(plan.planId, plan.activityId));
  return plan;
}

export function storedPlanKeys(plan: StoredPlan): string[] {
  return [
    `mapPlan:${plan.planId}`,
    `mapGoal:${plan.goalId}`,
    `mapActivity:${plan.activityId}`,
    `mapProgress:${plan.progressId}`,
  ];
}

/** The `entity:id` keys of the Municipal Action Plan records among pulled ones. */
export function mapKeysOf(keys: Iterable<string>): string[] {
  const prefixes = MAP_ENTITIES.map((entity) => `${entity}:`);
  return [...keys].filter((key) => prefixes.some((prefix) => key.startsWith(prefix))).sort();
}

/** Rows that hold records and their places: a refused mutation must leave them all as they were. */
export async function recordRowCounts(db: AppDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['entity_field', 'change_log', 'record_scope'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
