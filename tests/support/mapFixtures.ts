import { v7 as uuidv7 } from 'uuid';
import type { MapActivity, MapGoal, MapPlan, MapProgress } from '../../src/domain/map/mapRecords.ts';

/** Records of a Municipal Action Plan like the demo's (src/server/seed/demoMap.ts), each with a fresh id. */
export function makeMapPlan(overrides: Partial<MapPlan> = {}): MapPlan {
  return {
    id: uuidv7(),
    municipalityId: uuidv7(),
    title: 'Plani i veprimit për parandalimin e braktisjes 2026–2028',
    periodStart: '2026-01-01',
    periodEnd: '2028-12-31',
    status: 'draft',
    actReference: '',
    adoptedOn: null,
    ...overrides,
  };
}

export function makeMapGoal(planId: string, overrides: Partial<MapGoal> = {}): MapGoal {
  return { id: uuidv7(), planId, title: 'Identifikimi i hershëm', position: 1, removed: false, ...overrides };
}

export function makeMapActivity(planId: string, goalId: string, overrides: Partial<MapActivity> = {}): MapActivity {
  return {
    id: uuidv7(),
    planId,
    goalId,
    title: 'Vizita në shtëpi nga mentorët',
    responsible: 'OSHC partnere',
    startDate: '2026-03-01',
    endDate: '2028-12-31',
    budget: 8000,
    indicator: 'Familje të vizituara',
    indicatorSource: 'manual',
    unit: 'count',
    baseline: 0,
    target: 60,
    removed: false,
    ...overrides,
  };
}

export function makeMapProgress(planId: string, activityId: string, overrides: Partial<MapProgress> = {}): MapProgress {
  return {
    id: uuidv7(),
    planId,
    activityId,
    period: '2026-Q3',
    value: 27,
    narrative: 'Vizitat vazhduan edhe gjatë pushimeve verore.',
    recordedBy: 'Koordinatori komunal',
    recordedAt: '2026-10-02T09:00:00.000Z',
    ...overrides,
  };
}
