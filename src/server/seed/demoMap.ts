/**
 * The demo Municipal Action Plan of Ferizaj, the demo coordinator's
 * municipality: an adopted plan for 2026–2028 with two goals, four activities
 * (three of whose indicators the case data answers) and three progress
 * reports. Fixed ids (4200…01 onwards) and fixed dates, so tests and the
 * end-to-end suite can point at them. Checked with the app's own rules, so
 * every record is one a coordinator could write.
 */
import type {
  MapActivityFields,
  MapGoalFields,
  MapPlanFields,
  MapProgressFields,
} from '../../domain/map/mapRecords.ts';
import {
  validateMapActivity,
  validateMapGoal,
  validateMapPlan,
  validateMapProgress,
} from '../../domain/map/mapValidation.ts';
import type { DemoRecord } from './demoCasework.ts';
import { DEMO_MUNICIPALITY_IDS } from './demoPlaces.ts';

function mapId(n: number): string {
  return `42000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const DEMO_MAP_IDS = {
  plan: mapId(1),
  earlyIdentification: mapId(2),
  support: mapId(3),
  riskIdentification: mapId(4),
  planWithinDeadline: mapId(5),
  homeVisits: mapId(6),
  backToSchool: mapId(7),
  homeVisitsQ2: mapId(8),
  homeVisitsQ3: mapId(9),
  riskIdentificationQ3: mapId(10),
} as const;

const ID = DEMO_MAP_IDS;
const RECORDED_BY = 'Koordinatori komunal';

const PLAN: MapPlanFields = {
  municipalityId: DEMO_MUNICIPALITY_IDS.ferizaj,
  title: 'Plani i veprimit për parandalimin e braktisjes 2026–2028',
  periodStart: '2026-01-01',
  periodEnd: '2028-12-31',
  status: 'adopted',
  actReference: '01-016/26-1234',
  adoptedOn: '2026-03-15',
};

const GOALS: readonly (readonly [string, MapGoalFields])[] = [
  [ID.earlyIdentification, goal(1, 'Identifikimi i hershëm i nxënësve në rrezik')],
  [ID.support, goal(2, 'Mbështetja e nxënësve dhe familjeve')],
];

const ACTIVITIES: readonly (readonly [string, MapActivityFields])[] = [
  [
    ID.riskIdentification,
    activity(ID.earlyIdentification, {
      title: 'Identifikimi i rrezikut në të gjitha shkollat',
      responsible: 'Drejtoria Komunale e Arsimit',
      startDate: '2026-01-15',
      endDate: '2028-06-30',
      budget: 2500,
      indicator: 'Nxënës të identifikuar në rrezik',
      indicatorSource: 'identifiedAtRisk',
      unit: 'count',
      baseline: 12,
      target: 40,
    }),
  ],
  [
    ID.planWithinDeadline,
    activity(ID.earlyIdentification, {
      title: 'Plan individual brenda afatit',
      responsible: 'Ekipet shkollore',
      startDate: '2026-02-01',
      endDate: '2028-06-30',
      budget: null,
      indicator: 'Raste me plan brenda afatit',
      indicatorSource: 'planWithinDeadline',
      unit: 'percent',
      baseline: 40,
      target: 90,
    }),
  ],
  [
    ID.homeVisits,
    activity(ID.support, {
      title: 'Vizita në shtëpi nga mentorët e OSHC-ve',
      responsible: 'OSHC partnere',
      startDate: '2026-03-01',
      endDate: '2028-12-31',
      budget: 8000,
      indicator: 'Familje të vizituara',
      indicatorSource: 'manual',
      unit: 'count',
      baseline: 0,
      target: 60,
    }),
  ],
  [
    ID.backToSchool,
    activity(ID.support, {
      title: 'Kthimi në mësim të rregullt',
      responsible: 'Drejtoria Komunale e Arsimit',
      startDate: '2026-03-01',
      endDate: '2028-12-31',
      budget: 1200,
      indicator: 'Raste të mbyllura me kthim në mësim',
      indicatorSource: 'backToAttendance',
      unit: 'percent',
      baseline: 30,
      target: 70,
    }),
  ],
];

/** Each report a few days after its quarter ended. */
const PROGRESS: readonly (readonly [string, MapProgressFields])[] = [
  [
    ID.homeVisitsQ2,
    progress(ID.homeVisits, '2026-Q2', 14, 'Mentorët vizituan 14 familje në fshatrat e Ferizajt.', '2026-07-06'),
  ],
  [
    ID.homeVisitsQ3,
    progress(ID.homeVisits, '2026-Q3', 27, 'Vizitat vazhduan edhe gjatë pushimeve verore.', '2026-10-05'),
  ],
  [
    ID.riskIdentificationQ3,
    progress(ID.riskIdentification, '2026-Q3', 31, 'Identifikimi u krye në dy shkolla.', '2026-10-05'),
  ],
];

function goal(position: number, title: string): MapGoalFields {
  return { planId: ID.plan, title, position, removed: false };
}

function activity(goalId: string, fields: Omit<MapActivityFields, 'planId' | 'goalId' | 'removed'>): MapActivityFields {
  return { planId: ID.plan, goalId, ...fields, removed: false };
}

function progress(
  activityId: string,
  period: string,
  value: number,
  narrative: string,
  recordedOn: string,
): MapProgressFields {
  return {
    planId: ID.plan,
    activityId,
    period,
    value,
    narrative,
    recordedBy: RECORDED_BY,
    recordedAt: `${recordedOn}T09:00:00.000Z`,
  };
}

function checked<F extends object>(
  entity: DemoRecord['entity'],
  id: string,
  fields: F,
  validate: (raw: unknown) => { ok: boolean },
): DemoRecord {
  if (!validate(fields).ok) throw new Error(`demo ${entity} ${id} breaks the plan's rules`);
  return { entity, id, fields };
}

/** The plan before its goals, goals before activities, activities before progress: each finds its plan's place. */
export function demoMap(): DemoRecord[] {
  return [
    checked('mapPlan', ID.plan, PLAN, validateMapPlan),
    ...GOALS.map(([id, fields]) => checked('mapGoal', id, fields, validateMapGoal)),
    ...ACTIVITIES.map(([id, fields]) => checked('mapActivity', id, fields, validateMapActivity)),
    ...PROGRESS.map(([id, fields]) => checked('mapProgress', id, fields, validateMapProgress)),
  ];
}
