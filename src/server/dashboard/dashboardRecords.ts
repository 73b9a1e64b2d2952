/**
 * What the dashboard's figures are computed from, read from the field store:
 * the records of a set of schools, joined to their place (record_scope), and
 * only the fields the figures need — never a name, a date of birth or a note.
 */
import type { Kysely } from 'kysely';
import type { DashboardInput } from '../../domain/dashboard/dashboardFigures.ts';
import type { IsoDate } from '../../domain/dueDates.ts';
import type { ProfileId } from '../../domain/protocolProfile.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { convert, toCase, toPlanAction, toScreening, toStudent, type Placed } from './dashboardRecordShapes.ts';

type Db = Kysely<DatabaseSchema>;

/** Ids per `in (…)` list, far below both engines' parameter limits. */
const ID_CHUNK = 500;

/** The fields each figure reads; the record's school, student and case come from record_scope. */
const FIELDS = {
  case: ['status', 'flaggedAt', 'openedAt', 'planActivatedAt', 'closedAt', 'closureReason', 'reopenCount'],
  student: ['sex', 'rural', 'community'],
  screening: ['level', 'screenedOn', 'term'],
  planAction: ['interventionType', 'status'],
} as const;
export type DashboardEntity = keyof typeof FIELDS;
export const DASHBOARD_ENTITIES = Object.keys(FIELDS) as DashboardEntity[];

/** The records read, by type and id. */
export type Found = Record<DashboardEntity, Map<string, Placed>>;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += ID_CHUNK) out.push(values.slice(start, start + ID_CHUNK));
  return out;
}

/**
 * One row per record of `entity` placed in the given schools (or about the
 * given students), its fields fetched by key alongside: each field is one
 * index lookup, and a record's ids come once, not once per field.
 */
type Where = 'school' | 'student' | 'id';
const COLUMN = { school: 'place.school_id', student: 'place.student_id', id: 'place.entity_id' } as const;

export async function readPlaced(db: Db, entity: DashboardEntity, where: Where, ids: string[]) {
  const rows = await db
    .selectFrom('record_scope as place')
    .select(['place.entity_id', 'place.school_id', 'place.student_id', 'place.case_id'])
    .select((eb) =>
      FIELDS[entity].map((field) =>
        eb
          .selectFrom('entity_field as field')
          .select('field.value_json')
          .where('field.entity', '=', entity)
          .whereRef('field.entity_id', '=', 'place.entity_id')
          .where('field.field', '=', field)
          .as(field),
      ),
    )
    .where('place.entity', '=', entity)
    .where(COLUMN[where], 'in', ids)
    .execute();
  return rows.map((row) => {
    const fields: Record<string, unknown> = {};
    for (const field of FIELDS[entity]) {
      const json = (row as Record<string, unknown>)[field];
      if (typeof json === 'string') fields[field] = JSON.parse(json) as unknown;
    }
    return [
      row.entity_id,
      { schoolId: row.school_id, studentId: row.student_id, caseId: row.case_id, fields },
    ] as const;
  });
}

export async function gather(db: Db, found: Found, entities: readonly DashboardEntity[], where: Where, ids: string[]) {
  for (const chunk of chunks(ids)) {
    for (const entity of entities) {
      for (const [id, placed] of await readPlaced(db, entity, where, chunk)) found[entity].set(id, placed);
    }
  }
}

/**
 * The records the figures of `schools` are computed from: their cases,
 * students, screenings and plan actions, and the students (with their
 * screenings) of cases whose child has since moved to another school.
 */
export async function readDashboardInput(
  db: Db,
  schools: readonly { id: string; country: ProfileId }[],
  asOf: IsoDate,
): Promise<DashboardInput> {
  return dashboardInputOf(await readDashboardRecords(db, schools), schools, asOf);
}

/** The records of readDashboardInput, as they are kept between requests (dashboardRecordSet.ts). */
export async function readDashboardRecords(db: Db, schools: readonly { id: string }[]): Promise<Found> {
  const found: Found = { case: new Map(), student: new Map(), screening: new Map(), planAction: new Map() };
  await gather(
    db,
    found,
    DASHBOARD_ENTITIES,
    'school',
    schools.map((school) => school.id),
  );
  await gatherStudentsElsewhere(db, found);
  return found;
}

/** The students (with their screenings) of cases whose child is at a school outside the place. */
export async function gatherStudentsElsewhere(db: Db, found: Found): Promise<void> {
  const caseStudents = new Set([...found.case.values()].flatMap((record) => record.studentId ?? []));
  const elsewhere = [...caseStudents].filter((studentId) => !found.student.has(studentId));
  await gather(db, found, ['student', 'screening'], 'student', elsewhere);
}

export function dashboardInputOf(
  found: Found,
  schools: readonly { id: string; country: ProfileId }[],
  asOf: IsoDate,
): DashboardInput {
  return {
    asOf,
    schools,
    cases: convert(found.case, toCase),
    students: convert(found.student, toStudent),
    screenings: convert(found.screening, toScreening),
    planActions: convert(found.planAction, (_, record) => toPlanAction(record)),
  };
}

/** Municipalities that have schools, at most `limit`, by id: the places a server warms at start. */
export async function municipalitiesWithSchools(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('entity_field')
    .select('value_json')
    .distinct()
    .where('entity', '=', 'school')
    .where('field', '=', 'municipalityId')
    .orderBy('value_json')
    .limit(limit)
    .execute();
  return rows.map((row) => JSON.parse(row.value_json) as unknown).filter((id) => typeof id === 'string');
}

/** The schools of a municipality, with the country whose protocol each follows, by id. */
export async function schoolsOfMunicipality(
  db: Db,
  municipalityId: string,
): Promise<{ id: string; country: ProfileId }[]> {
  const rows = await db
    .selectFrom('entity_field')
    .select('entity_id')
    .where('entity', '=', 'school')
    .where('field', '=', 'municipalityId')
    .where('value_json', '=', JSON.stringify(municipalityId))
    .execute();
  return countriesOf(
    db,
    rows.map((row) => row.entity_id),
  );
}

/** Each school with its country (Kosovo when not recorded, as the app's fallback does), sorted by id. */
export async function countriesOf(db: Db, schoolIds: readonly string[]): Promise<{ id: string; country: ProfileId }[]> {
  const countries = new Map<string, ProfileId>(schoolIds.map((id) => [id, 'XK']));
  for (const ids of chunks([...countries.keys()])) {
    const rows = await db
      .selectFrom('entity_field')
      .select(['entity_id', 'value_json'])
      .where('entity', '=', 'school')
      .where('field', '=', 'country')
      .where('entity_id', 'in', ids)
      .execute();
    for (const row of rows) if (JSON.parse(row.value_json) === 'RS') countries.set(row.entity_id, 'RS');
  }
  return [...countries].map(([id, country]) => ({ id, country })).sort((a, b) => (a.id < b.id ? -1 : 1));
}
