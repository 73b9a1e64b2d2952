/**
 * Whether a user may have made the exports their device reports
 * (docs/exports.md): a device may not write events about a case or a school
 * its user cannot read into the audit trail, where they would stand in
 * another municipality's record.
 *
 * - A case: the user's access scope reads it now (accessScope.ts canRead).
 * - A school: the user works there (school team, principal, a teacher's
 *   class), holds a case of it, or is a municipal role (coordinator, CSW
 *   liaison) of its municipality — whose dashboard may be filtered to it.
 * - A municipality: the user's municipal role is there, or it holds a school
 *   the user works at.
 * - A Municipal Action Plan report: the user coordinates its municipality
 *   (only coordinators keep and read the plan, accessScope.ts).
 * - An export naming no place: the user reads some child data at all.
 */
import type { Kysely } from 'kysely';
import { canRead, type AccessScope, type Role } from '../../domain/accessScope.ts';
import type { ExportAuditItem } from '../../sync/exportAuditProtocol.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { loadAccessScope } from '../sync/accessScopeStore.ts';
import { readRecordKeys } from '../sync/recordKeys.ts';

type Db = Kysely<DatabaseSchema>;

/** Ids per `in (…)` list, far below both engines' parameter limits. */
const ID_CHUNK = 500;

interface ExportReach {
  scope: AccessScope;
  /** The municipalities of the user's role assignments (coordinator, CSW liaison). */
  municipalities: ReadonlySet<string>;
  /** Those the user is a coordinator of: whose Action Plan they keep. */
  coordinated: ReadonlySet<string>;
  /** Memo of the checks made for this request: a batch often names the same school many times. */
  schools: Map<string, boolean>;
}

/** True when every export is of something the user may read; the first that is not stops the check. */
export async function mayHaveExported(db: Db, userId: string, items: readonly ExportAuditItem[]): Promise<boolean> {
  if (items.length === 0) return true;
  const roles = await municipalRoles(db, userId);
  const reach: ExportReach = {
    scope: await loadAccessScope(db, userId),
    municipalities: new Set(roles.map((row) => row.municipalityId)),
    coordinated: new Set(roles.filter((row) => row.role === 'coordinator').map((row) => row.municipalityId)),
    schools: new Map(),
  };
  for (const item of items) if (!(await mayHaveMade(db, reach, item))) return false;
  return true;
}

async function mayHaveMade(db: Db, reach: ExportReach, item: ExportAuditItem): Promise<boolean> {
  if (item.kind === 'mapReport') return item.municipalityId !== null && reach.coordinated.has(item.municipalityId);
  if (item.caseId !== null) {
    const keys = await readRecordKeys(db, 'case', item.caseId);
    if (keys === undefined || !canRead(reach.scope, keys)) return false;
  }
  if (item.schoolId !== null && !(await reachesSchool(db, reach, item.schoolId))) return false;
  if (item.municipalityId !== null && !(await reachesMunicipality(db, reach, item.municipalityId))) return false;
  return readsAnything(reach);
}

function readsAnything({ scope, municipalities }: ExportReach): boolean {
  return scope.schoolIds.length + scope.classes.length + scope.caseIds.length + municipalities.size > 0;
}

async function reachesSchool(db: Db, reach: ExportReach, schoolId: string): Promise<boolean> {
  const known = reach.schools.get(schoolId);
  if (known !== undefined) return known;
  const reached =
    worksAt(reach.scope, schoolId) ||
    (await holdsCaseOf(db, reach.scope.caseIds, schoolId)) ||
    reach.municipalities.has((await municipalityOfSchool(db, schoolId)) ?? '');
  reach.schools.set(schoolId, reached);
  return reached;
}

async function reachesMunicipality(db: Db, reach: ExportReach, municipalityId: string): Promise<boolean> {
  if (reach.municipalities.has(municipalityId)) return true;
  const schools = [...reach.scope.schoolIds, ...reach.scope.classes.map((item) => item.schoolId)];
  for (const schoolId of new Set(schools)) {
    if ((await municipalityOfSchool(db, schoolId)) === municipalityId) return true;
  }
  return false;
}

function worksAt(scope: AccessScope, schoolId: string): boolean {
  return scope.schoolIds.includes(schoolId) || scope.classes.some((item) => item.schoolId === schoolId);
}

async function holdsCaseOf(db: Db, caseIds: readonly string[], schoolId: string): Promise<boolean> {
  for (let start = 0; start < caseIds.length; start += ID_CHUNK) {
    const row = await db
      .selectFrom('record_scope')
      .select('entity_id')
      .where('entity', '=', 'case')
      .where('school_id', '=', schoolId)
      .where('entity_id', 'in', caseIds.slice(start, start + ID_CHUNK))
      .limit(1)
      .executeTakeFirst();
    if (row !== undefined) return true;
  }
  return false;
}

async function municipalRoles(db: Db, userId: string): Promise<{ role: Role; municipalityId: string }[]> {
  const rows = await db
    .selectFrom('role_assignment')
    .select(['role', 'municipality_id'])
    .where('user_id', '=', userId)
    .where('municipality_id', 'is not', null)
    .execute();
  return rows.flatMap((row) =>
    row.municipality_id === null ? [] : [{ role: row.role, municipalityId: row.municipality_id }],
  );
}

async function municipalityOfSchool(db: Db, schoolId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('entity_field')
    .select('value_json')
    .where('entity', '=', 'school')
    .where('entity_id', '=', schoolId)
    .where('field', '=', 'municipalityId')
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const value: unknown = JSON.parse(row.value_json);
  return typeof value === 'string' ? value : undefined;
}
