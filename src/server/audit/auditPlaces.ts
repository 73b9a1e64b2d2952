/**
 * Which municipalities an audit event belongs to (docs/accounts.md, "Audit"):
 * what a coordinator's view of the trail is limited by. Worked out when the
 * event is recorded, so it stays where it happened: a person who later moves
 * to another municipality does not take their past with them.
 *
 * An event belongs to the municipality of
 * - each person it names (who did it, whose account it changed, a case's
 *   assignee): their role assignments' municipalities (directly, or through
 *   the school), their organisation's, and their assigned cases';
 * - the case or student it is about (its school's, from record_scope);
 * - the organisation it is about;
 * - a school or municipality it is about (an export limited to one), or its
 *   detail names (where a role was granted).
 * An event naming none of these (a sign-in with an unknown login) belongs to
 * no municipality: only administrators see it.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/databaseSchema.ts';

/** What an event is worked out from: an entry about to be recorded, or a stored row. */
export interface AuditSubject {
  userId: string | null;
  entity?: string | null;
  entityId?: string | null;
  detail?: Readonly<Record<string, unknown>> | null;
}

type Db = Kysely<DatabaseSchema>;

/** Ids per `in (…)` list, far below both engines' parameter limits. */
const ID_CHUNK = 500;

interface Ties {
  users: string[];
  records: string[];
  organisations: string[];
  schools: string[];
  municipalities: string[];
}

/** A case or case-less student, as record_scope keys it. */
const recordKey = (entity: string, id: string) => `${entity}\u0000${id}`;

function tiesOf(subject: AuditSubject): Ties {
  const detail = subject.detail ?? {};
  const text = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);
  const about = (entity: string): string[] =>
    subject.entity === entity && typeof subject.entityId === 'string' ? [subject.entityId] : [];
  return {
    users: [...text(subject.userId), ...about('user'), ...text(detail.assigneeId), ...text(detail.flaggedBy)],
    records: [
      ...about('case').map((id) => recordKey('case', id)),
      ...about('student').map((id) => recordKey('student', id)),
    ],
    organisations: about('organisation'),
    schools: [...text(detail.schoolId), ...about('school')],
    municipalities: [...text(detail.municipalityId), ...about('municipality')],
  };
}

/** Where each person works: municipalities, schools and cases, as the tables say now. */
interface PersonPlaces {
  municipalities: Set<string>;
  schools: Set<string>;
  records: Set<string>;
}

/** The municipalities of each subject, in the order given (an empty set for none). */
export async function municipalitiesOfEntries(
  db: Db,
  subjects: readonly AuditSubject[],
): Promise<ReadonlySet<string>[]> {
  const ties = subjects.map(tiesOf);
  const people = await placesOfPeople(db, unique(ties.flatMap((tie) => tie.users)));
  const organisations = await placesOfOrganisations(db, unique(ties.flatMap((tie) => tie.organisations)));
  const records = await schoolsOfRecords(
    db,
    unique([...ties.flatMap((tie) => tie.records), ...[...people.values()].flatMap((person) => [...person.records])]),
  );
  const schools = await municipalitiesOfSchools(
    db,
    unique([
      ...ties.flatMap((tie) => tie.schools),
      ...[...people.values()].flatMap((person) => [...person.schools]),
      ...records.values(),
      ...[...organisations.values()].flatMap((place) => place.schools),
    ]),
  );
  return ties.map((tie) => {
    const found = new Set(tie.municipalities);
    const addSchool = (schoolId: string) => {
      const municipality = schools.get(schoolId);
      if (municipality !== undefined) found.add(municipality);
    };
    const addRecord = (key: string) => {
      const schoolId = records.get(key);
      if (schoolId !== undefined) addSchool(schoolId);
    };
    for (const userId of tie.users) {
      const person = people.get(userId);
      if (person === undefined) continue;
      for (const municipality of person.municipalities) found.add(municipality);
      for (const schoolId of person.schools) addSchool(schoolId);
      for (const key of person.records) addRecord(key);
    }
    for (const key of tie.records) addRecord(key);
    for (const organisationId of tie.organisations) {
      const place = organisations.get(organisationId);
      for (const municipality of place?.municipalities ?? []) found.add(municipality);
      for (const schoolId of place?.schools ?? []) addSchool(schoolId);
    }
    for (const schoolId of tie.schools) addSchool(schoolId);
    return found;
  });
}

async function placesOfPeople(db: Db, userIds: readonly string[]): Promise<Map<string, PersonPlaces>> {
  const people = new Map<string, PersonPlaces>();
  const personOf = (userId: string): PersonPlaces => {
    let person = people.get(userId);
    if (person === undefined) {
      person = { municipalities: new Set(), schools: new Set(), records: new Set() };
      people.set(userId, person);
    }
    return person;
  };
  for (const ids of chunks(userIds)) {
    const roles = await db
      .selectFrom('role_assignment')
      .select(['user_id', 'school_id', 'municipality_id'])
      .where('user_id', 'in', ids)
      .execute();
    for (const row of roles) {
      if (row.municipality_id !== null) personOf(row.user_id).municipalities.add(row.municipality_id);
      if (row.school_id !== null) personOf(row.user_id).schools.add(row.school_id);
    }
    const homes = await db
      .selectFrom('app_user')
      .innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
      .select(['app_user.id as user_id', 'organisation.municipality_id', 'organisation.school_id'])
      .where('app_user.id', 'in', ids)
      .execute();
    for (const row of homes) {
      if (row.municipality_id !== null) personOf(row.user_id).municipalities.add(row.municipality_id);
      if (row.school_id !== null) personOf(row.user_id).schools.add(row.school_id);
    }
    const cases = await db
      .selectFrom('case_assignment')
      .select(['user_id', 'case_id'])
      .where('user_id', 'in', ids)
      .execute();
    for (const row of cases) personOf(row.user_id).records.add(recordKey('case', row.case_id));
  }
  return people;
}

async function placesOfOrganisations(
  db: Db,
  organisationIds: readonly string[],
): Promise<Map<string, { municipalities: string[]; schools: string[] }>> {
  const places = new Map<string, { municipalities: string[]; schools: string[] }>();
  for (const ids of chunks(organisationIds)) {
    const rows = await db
      .selectFrom('organisation')
      .select(['id', 'municipality_id', 'school_id'])
      .where('id', 'in', ids)
      .execute();
    for (const row of rows) {
      places.set(row.id, {
        municipalities: row.municipality_id === null ? [] : [row.municipality_id],
        schools: row.school_id === null ? [] : [row.school_id],
      });
    }
  }
  return places;
}

/** record key → its school, for cases and case-less students. */
async function schoolsOfRecords(db: Db, keys: readonly string[]): Promise<Map<string, string>> {
  const schools = new Map<string, string>();
  for (const entity of ['case', 'student'] as const) {
    const prefix = recordKey(entity, '');
    const ids = keys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
    for (const chunk of chunks(ids)) {
      const rows = await db
        .selectFrom('record_scope')
        .select(['entity_id', 'school_id'])
        .where('entity', '=', entity)
        .where('entity_id', 'in', chunk)
        .execute();
      for (const row of rows) if (row.school_id !== null) schools.set(recordKey(entity, row.entity_id), row.school_id);
    }
  }
  return schools;
}

/** school id → the municipality its record names. */
async function municipalitiesOfSchools(db: Db, schoolIds: readonly string[]): Promise<Map<string, string>> {
  const municipalities = new Map<string, string>();
  for (const ids of chunks(schoolIds)) {
    const rows = await db
      .selectFrom('entity_field')
      .select(['entity_id', 'value_json'])
      .where('entity', '=', 'school')
      .where('field', '=', 'municipalityId')
      .where('entity_id', 'in', ids)
      .execute();
    for (const row of rows) {
      const value: unknown = JSON.parse(row.value_json);
      if (typeof value === 'string') municipalities.set(row.entity_id, value);
    }
  }
  return municipalities;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function chunks(values: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let start = 0; start < values.length; start += ID_CHUNK) out.push(values.slice(start, start + ID_CHUNK));
  return out;
}
