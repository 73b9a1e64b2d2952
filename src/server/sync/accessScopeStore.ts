/**
 * A user's access scope (docs/accounts.md), computed on every sync request
 * from their role assignments, the cases assigned to them and the referrals
 * made to their organisation (and, for a coordinator, the municipalities whose
 * Action Plan they keep). A handful of indexed queries: a thousand devices
 * sync against one server.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isRole, type AccessScope, type ClassRef, type Role } from '../../domain/accessScope.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';

/** Which referral target reaches which role, within the role's municipality. */
const REFERRAL_READERS = [
  { role: 'coordinator', target: 'municipality' },
  { role: 'cswLiaison', target: 'csw' },
] as const satisfies readonly { role: Role; target: string }[];

/** Ids per `in (…)` list, far below both engines' parameter limits. */
const ID_CHUNK = 500;

export async function loadAccessScope(db: Kysely<DatabaseSchema>, userId: string): Promise<AccessScope> {
  const assignments = await db
    .selectFrom('role_assignment')
    .select(['role', 'school_id', 'municipality_id', 'class_key'])
    .where('user_id', '=', userId)
    .execute();
  const roles = new Set<Role>();
  const schoolIds = new Set<string>();
  const classes = new Map<string, ClassRef>();
  const municipalities: { target: string; municipalityId: string }[] = [];
  const planMunicipalities = new Set<string>();
  for (const row of assignments) {
    if (!isRole(row.role)) continue;
    roles.add(row.role);
    // A coordinator keeps their municipality's Action Plan.
    if (row.role === 'coordinator' && row.municipality_id !== null) planMunicipalities.add(row.municipality_id);
    if ((row.role === 'schoolTeam' || row.role === 'principal') && row.school_id !== null) schoolIds.add(row.school_id);
    if (row.role === 'teacher' && row.school_id !== null && row.class_key !== null) {
      classes.set(JSON.stringify([row.school_id, row.class_key]), { schoolId: row.school_id, classKey: row.class_key });
    }
    const reader = REFERRAL_READERS.find((item) => item.role === row.role);
    if (reader !== undefined && row.municipality_id !== null) {
      municipalities.push({ target: reader.target, municipalityId: row.municipality_id });
    }
  }
  // Assigned cases reach a mentor only: should the role be taken away, so are the cases.
  const assigned = roles.has('mentor')
    ? await db.selectFrom('case_assignment').select('case_id').where('user_id', '=', userId).execute()
    : [];
  const caseIds = new Set([...assigned.map((row) => row.case_id), ...(await referredCases(db, municipalities))]);
  const studentIds = await studentsOf(db, [...caseIds]);
  return withVersion({
    roles: [...roles].sort(),
    schoolIds: [...schoolIds].sort(),
    classes: [...classes.values()].sort((a, b) => compare(a.schoolId, b.schoolId) || compare(a.classKey, b.classKey)),
    caseIds: [...caseIds].sort(),
    studentIds: [...new Set(studentIds)].sort(),
    ...(planMunicipalities.size === 0 ? {} : { municipalityIds: [...planMunicipalities].sort() }),
  });
}

/**
 * Cases with a referral to one of the user's bodies (the directorate for a
 * coordinator, the CSW for a liaison) whose school lies in that body's
 * municipality, unless the referral was declined. A referral's record_scope
 * row carries its case and school, so one query finds them all.
 */
async function referredCases(
  db: Kysely<DatabaseSchema>,
  municipalities: readonly { target: string; municipalityId: string }[],
): Promise<string[]> {
  if (municipalities.length === 0) return [];
  const rows = await db
    .selectFrom('entity_field as target')
    .innerJoin('record_scope as place', (join) =>
      join.onRef('place.entity', '=', 'target.entity').onRef('place.entity_id', '=', 'target.entity_id'),
    )
    .innerJoin('entity_field as school', (join) =>
      join
        .on('school.entity', '=', 'school')
        .onRef('school.entity_id', '=', 'place.school_id')
        .on('school.field', '=', 'municipalityId'),
    )
    .select(['place.case_id', 'target.value_json as target', 'school.value_json as municipality'])
    .where('target.entity', '=', 'referral')
    .where('target.field', '=', 'to')
    .where('target.value_json', 'in', [...new Set(municipalities.map((item) => JSON.stringify(item.target)))])
    .where('school.value_json', 'in', [...new Set(municipalities.map((item) => JSON.stringify(item.municipalityId)))])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('entity_field as answer')
            .select('answer.field')
            .where('answer.entity', '=', 'referral')
            .whereRef('answer.entity_id', '=', 'target.entity_id')
            .where('answer.field', '=', 'status')
            .where('answer.value_json', '=', JSON.stringify('declined')),
        ),
      ),
    )
    .execute();
  // A coordinator of one municipality who is a CSW liaison in another reaches only the matching pairs.
  const reaches = new Set(municipalities.map((item) => JSON.stringify([item.target, item.municipalityId])));
  return rows.flatMap((row) => {
    const pair = JSON.stringify([JSON.parse(row.target), JSON.parse(row.municipality)]);
    return reaches.has(pair) && row.case_id !== null ? [row.case_id] : [];
  });
}

async function studentsOf(db: Kysely<DatabaseSchema>, caseIds: readonly string[]): Promise<string[]> {
  const students: string[] = [];
  for (let start = 0; start < caseIds.length; start += ID_CHUNK) {
    const rows = await db
      .selectFrom('record_scope')
      .select('student_id')
      .where('entity', '=', 'case')
      .where('entity_id', 'in', caseIds.slice(start, start + ID_CHUNK))
      .execute();
    for (const row of rows) if (row.student_id !== null) students.push(row.student_id);
  }
  return students;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The version is a hash of the content (its first 48 bits: a safe integer),
 * so it changes whenever anything in the scope does and needs no bookkeeping.
 * Never 0, which the app reads as "no scope yet". Municipalities join the
 * hash only when there are some: everyone else's version stays what it was
 * before the Action Plan, so their devices need no full re-pull.
 */
export function withVersion(content: Omit<AccessScope, 'version'>): AccessScope {
  const municipalityIds = content.municipalityIds ?? [];
  const canonical = JSON.stringify([
    content.roles,
    content.schoolIds,
    content.classes.map((item) => [item.schoolId, item.classKey]),
    content.caseIds,
    content.studentIds,
    ...(municipalityIds.length === 0 ? [] : [municipalityIds]),
  ]);
  const version = createHash('sha256').update(canonical).digest().readUIntBE(0, 6);
  return { version: version === 0 ? 1 : version, ...content };
}
