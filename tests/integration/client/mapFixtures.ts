/**
 * The Action Plan screens' world: a coordinator of one or two municipalities
 * signed in on the phone (or another role), the places a sign-in brings, a
 * plan stored as the editor stores it, and the municipality's dashboard
 * figures kept as the dashboard keeps them after an online visit.
 */
import type { Role } from '../../../src/domain/accessScope.ts';
import { computeDashboard } from '../../../src/domain/dashboard/computeDashboard.ts';
import type { DashboardReply } from '../../../src/domain/dashboard/dashboardReply.ts';
import type { MapPlan } from '../../../src/domain/map/mapRecords.ts';
import { saveSignIn } from '../../../src/storage/accountRepository.ts';
import { saveDashboardSnapshot } from '../../../src/storage/dashboardSnapshots.ts';
import { db } from '../../../src/storage/database.ts';
import { addMapPlan } from '../../../src/storage/mapRepository.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { makeSessionInfo } from '../../support/accountUiFixtures.ts';
import { localizedName } from '../../support/clientFixtures.ts';

export const FERIZAJ = '10000000-0000-4000-8000-000000000001';
export const ALEKSINAC = '10000000-0000-4000-8000-000000000006';

/** Someone signed in with these roles and, for a coordinator, these municipalities; then the places arrive. */
export async function signedIn(roles: Role[], municipalityIds: string[] = []): Promise<void> {
  const session = makeSessionInfo(roles);
  await saveSignIn(db, { ...session, scope: { ...session.scope, municipalityIds } }, Date.now());
  await db.municipalities.bulkPut([
    { id: FERIZAJ, name: localizedName('Ferizaj', 'Урошевац'), country: 'XK', hlcs: {} },
    { id: ALEKSINAC, name: localizedName('Aleksinac', 'Алексинац'), country: 'RS', hlcs: {} },
  ]);
}

export async function storedPlan(overrides: Partial<MapPlan> = {}): Promise<MapPlan> {
  const plan: MapPlan = {
    id: newRecordId(),
    municipalityId: FERIZAJ,
    title: 'Plani i veprimit 2026–2028',
    periodStart: '2026-01-01',
    periodEnd: '2028-12-31',
    status: 'draft',
    actReference: '',
    adoptedOn: null,
    ...overrides,
  };
  const result = await addMapPlan(db, plan);
  if (!result.ok) throw new Error(`plan refused: ${JSON.stringify(result.errors)}`);
  return plan;
}

/** The municipality's figures as the dashboard keeps them: `atRisk` cases opened so far. */
export async function storedFigures(municipalityId: string, atRisk: number, computedAt: number): Promise<void> {
  const figures = computeDashboard({
    asOf: '2026-11-23',
    schools: [],
    students: [],
    screenings: [],
    cases: [],
    planActions: [],
  });
  figures.breakdowns.all.casesByStatus.total = atRisk;
  const reply: DashboardReply = {
    places: { municipalities: [{ id: municipalityId, schoolIds: [] }], schoolIds: [] },
    place: { municipalityId, schoolId: null },
    computedAt,
    figures,
  };
  await saveDashboardSnapshot(db, reply, computedAt);
}

export async function outboxMutations() {
  return (await db.outbox.orderBy('seq').toArray()).map((row) => row.mutation);
}
