/**
 * A Municipal Action Plan on the device as a pull leaves it (rows with their
 * HLCs), shaped like the demo's (src/server/seed/demoMap.ts), and the
 * municipality's last dashboard figures, for the report's screen tests.
 */
import { computeDashboard } from '../../src/domain/dashboard/computeDashboard.ts';
import type { MapActivity, MapGoal, MapPlan, MapProgress } from '../../src/domain/map/mapRecords.ts';
import { saveDashboardSnapshot } from '../../src/storage/dashboardSnapshots.ts';
import { newRecordId } from '../../src/storage/recordWrites.ts';
import type { MunicipalityRecord, UraDatabase } from '../../src/storage/UraDatabase.ts';
import { localizedName } from './clientFixtures.ts';

export interface SeededPlan {
  municipality: MunicipalityRecord;
  plan: MapPlan;
  goals: MapGoal[];
  activities: MapActivity[];
}

const pulled = <T extends object>(record: T) => ({ ...record, hlcs: {} });

export async function seedMunicipality(
  db: UraDatabase,
  country: 'XK' | 'RS',
  name = localizedName('Ferizaj', 'Урошевац'),
): Promise<MunicipalityRecord> {
  const municipality: MunicipalityRecord = { id: newRecordId(), name, country, hlcs: {} };
  await db.municipalities.put(municipality);
  return municipality;
}

/**
 * Two goals, four activities (one without a budget: 11 700 in all), three
 * progress reports: the demo plan's numbers.
 */
export async function seedDemoLikePlan(
  db: UraDatabase,
  municipality: MunicipalityRecord,
  plan: Partial<MapPlan> = {},
): Promise<SeededPlan> {
  const planRow: MapPlan = {
    id: newRecordId(),
    municipalityId: municipality.id,
    title: 'Plani i veprimit për parandalimin e braktisjes 2026–2028',
    periodStart: '2026-01-01',
    periodEnd: '2028-12-31',
    status: 'adopted',
    actReference: '01-016/26-1234',
    adoptedOn: '2026-03-15',
    ...plan,
  };
  const goal = (title: string, position: number): MapGoal => ({
    id: newRecordId(),
    planId: planRow.id,
    title,
    position,
    removed: false,
  });
  const goals = [goal('Identifikimi i hershëm i nxënësve në rrezik', 1), goal('Mbështetja e nxënësve', 2)];
  const activity = (goalIndex: number, fields: Partial<MapActivity>): MapActivity => ({
    id: newRecordId(),
    planId: planRow.id,
    goalId: goals[goalIndex]!.id,
    title: 'Activity',
    responsible: 'Drejtoria Komunale e Arsimit',
    startDate: '2026-03-01',
    endDate: '2028-12-31',
    budget: null,
    indicator: 'Indicator',
    indicatorSource: 'manual',
    unit: 'count',
    baseline: 0,
    target: 60,
    removed: false,
    ...fields,
  });
  const activities = [
    activity(0, {
      title: 'Identifikimi i rrezikut në të gjitha shkollat',
      startDate: '2026-01-15',
      endDate: '2028-06-30',
      budget: 2500,
      indicator: 'Nxënës të identifikuar në rrezik',
      indicatorSource: 'identifiedAtRisk',
      baseline: 12,
      target: 40,
    }),
    activity(0, {
      title: 'Plan individual brenda afatit',
      responsible: 'Ekipet shkollore',
      startDate: '2026-02-01',
      endDate: '2028-06-30',
      indicator: 'Raste me plan brenda afatit',
      indicatorSource: 'planWithinDeadline',
      unit: 'percent',
      baseline: 40,
      target: 90,
    }),
    activity(1, {
      title: 'Vizita në shtëpi nga mentorët e OSHC-ve',
      responsible: 'OSHC partnere',
      budget: 8000,
      indicator: 'Familje të vizituara',
    }),
    activity(1, {
      title: 'Kthimi në mësim të rregullt',
      budget: 1200,
      indicator: 'Raste të mbyllura me kthim në mësim',
      indicatorSource: 'backToAttendance',
      unit: 'percent',
      baseline: 30,
      target: 70,
    }),
  ];
  const report = (activityIndex: number, period: string, value: number, narrative: string): MapProgress => ({
    id: newRecordId(),
    planId: planRow.id,
    activityId: activities[activityIndex]!.id,
    period,
    value,
    narrative,
    recordedBy: 'Koordinatori komunal',
    recordedAt: '2026-10-01T08:00:00.000Z',
  });
  const progress = [
    report(2, '2026-Q2', 14, 'Mentorët vizituan 14 familje në fshatrat e Ferizajt.'),
    report(2, '2026-Q3', 27, 'Vizitat vazhduan edhe gjatë pushimeve verore.'),
    report(0, '2026-Q3', 31, 'Identifikimi u krye në dy shkolla.'),
  ];
  await db.mapPlans.put(pulled(planRow));
  await db.mapGoals.bulkPut(goals.map(pulled));
  await db.mapActivities.bulkPut(activities.map(pulled));
  await db.mapProgress.bulkPut(progress.map(pulled));
  return { municipality, plan: planRow, goals, activities };
}

/**
 * The municipality's figures as the server's last reply left them: 26 cases,
 * 81.2 % of plans on time, 6 of 10 closures with an outcome back in school.
 */
export async function seedMunicipalityFigures(db: UraDatabase, municipalityId: string, computedAt: number) {
  const figures = computeDashboard({
    asOf: '2026-11-23',
    schools: [],
    students: [],
    screenings: [],
    cases: [],
    planActions: [],
  });
  const all = figures.breakdowns.all;
  all.casesByStatus.total = 26;
  all.flagToPlan.overallShareOnTime = 0.812;
  all.outcomes.columnTotals = [6, 1, 1, 1, 1, 3];
  const place = { municipalityId, schoolId: null };
  await saveDashboardSnapshot(
    db,
    { place, places: { municipalities: [{ id: municipalityId, schoolIds: [] }], schoolIds: [] }, computedAt, figures },
    computedAt,
  );
}
