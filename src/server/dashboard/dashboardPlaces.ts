/**
 * Whose figures a user may read (docs/dashboard.md, "Who sees what"): a
 * municipal coordinator their municipality's aggregates, suppressed, whole or
 * one school at a time; a school team member or principal their school's own
 * figures, not suppressed (they see every record there anyway). Nobody else.
 */
import type { Kysely } from 'kysely';
import type { DashboardPlace, DashboardPlaces } from '../../domain/dashboard/dashboardReply.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { schoolsOfMunicipality } from './dashboardRecords.ts';

export async function loadDashboardPlaces(db: Kysely<DatabaseSchema>, userId: string): Promise<DashboardPlaces> {
  const grants = await db
    .selectFrom('role_assignment')
    .select(['role', 'school_id', 'municipality_id'])
    .where('user_id', '=', userId)
    .where('role', 'in', ['coordinator', 'schoolTeam', 'principal'])
    .execute();
  const municipalityIds = new Set<string>();
  const schoolIds = new Set<string>();
  for (const grant of grants) {
    if (grant.role === 'coordinator' && grant.municipality_id !== null) municipalityIds.add(grant.municipality_id);
    if (grant.role !== 'coordinator' && grant.school_id !== null) schoolIds.add(grant.school_id);
  }
  const municipalities = [];
  for (const id of [...municipalityIds].sort()) {
    const schools = await schoolsOfMunicipality(db, id);
    municipalities.push({ id, schoolIds: schools.map((school) => school.id) });
  }
  return { municipalities, schoolIds: [...schoolIds].sort() };
}

export function hasAnyPlace(places: DashboardPlaces): boolean {
  return places.municipalities.length > 0 || places.schoolIds.length > 0;
}

/**
 * The place a request asks for, or null when it is not the user's. Without
 * a place, the first municipality (else the first school). A school named
 * alone is the user's own school when they are on its team, else a school of
 * one of their municipalities; naming the municipality too always asks for
 * the coordinator's aggregates.
 */
export function resolvePlace(
  places: DashboardPlaces,
  query: { municipalityId?: string | undefined; schoolId?: string | undefined },
): DashboardPlace | null {
  const { municipalityId, schoolId } = query;
  if (municipalityId !== undefined) {
    const municipality = places.municipalities.find((item) => item.id === municipalityId);
    if (municipality === undefined) return null;
    if (schoolId !== undefined && !municipality.schoolIds.includes(schoolId)) return null;
    return { municipalityId, schoolId: schoolId ?? null };
  }
  if (schoolId !== undefined) {
    if (places.schoolIds.includes(schoolId)) return { municipalityId: null, schoolId };
    const municipality = places.municipalities.find((item) => item.schoolIds.includes(schoolId));
    return municipality === undefined ? null : { municipalityId: municipality.id, schoolId };
  }
  const first = places.municipalities[0];
  if (first !== undefined) return { municipalityId: first.id, schoolId: null };
  const school = places.schoolIds[0];
  return school === undefined ? null : { municipalityId: null, schoolId: school };
}
