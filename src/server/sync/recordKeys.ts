/**
 * Where a child-data or Municipal Action Plan record belongs (docs/accounts.md),
 * worked out from its own fields and its parent's keys: the one rule behind
 * record_scope upkeep, its rebuild, and push authorisation.
 */
import type { Kysely } from 'kysely';
import { classKeyOf, isSensitiveField, type RecordKeys } from '../../domain/accessScope.ts';
import { ENTITIES, MAP_ENTITIES, type Entity, type MapEntity } from '../../sync/protocol.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';

/** The fields of each record type that decide where it belongs; places (school, municipality) belong nowhere. */
export const KEY_FIELDS: Readonly<Partial<Record<Entity, readonly string[]>>> = {
  student: ['schoolId', 'grade', 'className'],
  case: ['schoolId', 'studentId'],
  caseEvent: ['caseId'],
  homeVisit: ['caseId'],
  planAction: ['caseId'],
  referral: ['caseId'],
  screening: ['studentId'],
  conflict: ['recordEntity', 'recordId', 'field'],
  // A plan belongs to its municipality; its goals, activities and progress entries to their plan.
  mapPlan: ['municipalityId'],
  mapGoal: ['planId'],
  mapActivity: ['planId'],
  mapProgress: ['planId'],
};

/** Whether records of this type carry child data or a municipality's plan, and so a record_scope row. */
export function isScoped(entity: Entity): boolean {
  return KEY_FIELDS[entity] !== undefined;
}

/** Whether records of this type are the Municipal Action Plan's, placed by municipality rather than by school. */
export function isMapEntity(entity: string): entity is MapEntity {
  return (MAP_ENTITIES as readonly string[]).includes(entity);
}

/** A parent's keys (a case for its visit, a student for its screening), or undefined when it is not stored. */
export type ParentKeys = (entity: Entity, id: string) => Promise<RecordKeys | undefined>;

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function isEntity(value: unknown): value is Entity {
  return typeof value === 'string' && (ENTITIES as readonly string[]).includes(value);
}

function noKeys(entity: string): RecordKeys {
  return { entity, schoolId: null, classKey: null, studentId: null, caseId: null };
}

/** Keys of a Municipal Action Plan record: its municipality only, never a school, class, student or case. */
function municipalityKeys(entity: string, municipalityId: string | null): RecordKeys {
  return { ...noKeys(entity), municipalityId };
}

/**
 * The keys of a record whose key fields are `values` (the rest may be absent).
 * A student: its school and class; a case: its school, its student's class,
 * its student; a note, plan action, referral or event: its case's; a
 * screening: its student's; a clash record: the record it is about, without
 * the class when the clash is on a sensitive field; a Municipal Action Plan:
 * its municipality, and a goal, activity or progress entry its plan's. Null
 * for places.
 */
export async function keysOf(
  entity: Entity,
  entityId: string,
  values: Readonly<Record<string, unknown>>,
  parentKeys: ParentKeys,
): Promise<RecordKeys | null> {
  switch (entity) {
    case 'school':
    case 'municipality':
      return null;
    case 'student': {
      const { grade, className } = values;
      const classKey = typeof grade === 'number' && typeof className === 'string' ? classKeyOf(grade, className) : null;
      return { entity, schoolId: text(values.schoolId), classKey, studentId: entityId, caseId: null };
    }
    case 'case': {
      const studentId = text(values.studentId);
      const student = studentId === null ? undefined : await parentKeys('student', studentId);
      return {
        entity,
        schoolId: text(values.schoolId),
        classKey: student?.classKey ?? null,
        studentId,
        caseId: entityId,
      };
    }
    case 'screening': {
      const studentId = text(values.studentId);
      const student = studentId === null ? undefined : await parentKeys('student', studentId);
      return { ...(student ?? noKeys(entity)), entity, studentId, caseId: null };
    }
    case 'conflict': {
      const { recordEntity, recordId, field } = values;
      const about =
        isEntity(recordEntity) && typeof recordId === 'string' ? await parentKeys(recordEntity, recordId) : undefined;
      if (about === undefined) return noKeys(entity);
      const sensitive = typeof field === 'string' && isSensitiveField(about.entity, field);
      return { ...about, entity, classKey: sensitive ? null : about.classKey };
    }
    case 'caseEvent':
    case 'homeVisit':
    case 'planAction':
    case 'referral': {
      const caseId = text(values.caseId);
      const parent = caseId === null ? undefined : await parentKeys('case', caseId);
      return { ...(parent ?? noKeys(entity)), entity, caseId };
    }
    case 'mapPlan':
      return municipalityKeys(entity, text(values.municipalityId));
    case 'mapGoal':
    case 'mapActivity':
    case 'mapProgress': {
      const planId = text(values.planId);
      const plan = planId === null ? undefined : await parentKeys('mapPlan', planId);
      return municipalityKeys(entity, plan?.municipalityId ?? null);
    }
  }
}

/** The stored keys of one record (its record_scope row), or undefined when it has none. */
export async function readRecordKeys(
  db: Kysely<DatabaseSchema>,
  entity: Entity,
  entityId: string,
): Promise<RecordKeys | undefined> {
  const row = await db
    .selectFrom('record_scope')
    .select(['school_id', 'class_key', 'student_id', 'case_id', 'municipality_id'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    entity,
    schoolId: row.school_id,
    classKey: row.class_key,
    studentId: row.student_id,
    caseId: row.case_id,
    // Child data has none: its keys stay as they were before the plan (a screening spreads its student's).
    ...(row.municipality_id === null ? {} : { municipalityId: row.municipality_id }),
  };
}

/** Parent keys read from record_scope: what upkeep and authorisation use inside a write transaction. */
export function storedParentKeys(db: Kysely<DatabaseSchema>): ParentKeys {
  return (entity, id) => readRecordKeys(db, entity, id);
}

/** The stored values of some fields of one record (parsed), for key fields a write did not carry. */
export async function readFieldValues(
  db: Kysely<DatabaseSchema>,
  entity: Entity,
  entityId: string,
  fields: readonly string[],
): Promise<Record<string, unknown>> {
  if (fields.length === 0) return {};
  const rows = await db
    .selectFrom('entity_field')
    .select(['field', 'value_json'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .where('field', 'in', fields)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.field, JSON.parse(row.value_json) as unknown]));
}

export function sameKeys(a: RecordKeys, b: RecordKeys): boolean {
  return (
    a.schoolId === b.schoolId &&
    a.classKey === b.classKey &&
    a.studentId === b.studentId &&
    a.caseId === b.caseId &&
    (a.municipalityId ?? null) === (b.municipalityId ?? null)
  );
}
