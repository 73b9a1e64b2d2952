import type { MapActivity, MapGoal, MapPlan, MapProgress } from '../domain/map/mapRecords.ts';
import type { FieldHlcs } from './caseworkRecords.ts';

/**
 * The Municipal Action Plan's records as kept on the device (src/domain/map):
 * their fields and the HLC that wrote each, like every synced record. Sealed
 * at rest like the rest; only ids and the plan/municipality keys are indexed.
 */
export interface MapPlanRow extends MapPlan {
  hlcs: FieldHlcs<MapPlan>;
}
export interface MapGoalRow extends MapGoal {
  hlcs: FieldHlcs<MapGoal>;
}
export interface MapActivityRow extends MapActivity {
  hlcs: FieldHlcs<MapActivity>;
}
export interface MapProgressRow extends MapProgress {
  hlcs: FieldHlcs<MapProgress>;
}
