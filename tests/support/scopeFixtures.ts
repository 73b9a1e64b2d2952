/**
 * A small world for access-scope tests: two municipalities, three schools,
 * users with role assignments written straight into the tables, casework
 * stored as the server's own writes, and sync through runSync with a viewer
 * (no session routes: the session decides the viewer, not these tests).
 */
import { randomUUID } from 'node:crypto';
import { classKeyOf, type Role } from '../../src/domain/accessScope.ts';
import type { StudentFields } from '../../src/domain/student.ts';
import type { AppDatabase } from '../../src/server/database/openDatabase.ts';
import { writeWinningFields } from '../../src/server/sync/fieldStore.ts';
import { runSync } from '../../src/server/sync/runSync.ts';
import {
  SCHEMA_VERSION,
  type Change,
  type ClientWritableEntity,
  type Entity,
  type Mutation,
  type SyncRequest,
  type SyncResponse,
} from '../../src/sync/protocol.ts';
import {
  makeCaseEvent,
  makeCaseRecord,
  makePlanAction,
  makeReferral,
  makeScreening,
  makeVisit,
  wireFields,
} from './caseworkFixtures.ts';
import {
  createTempDatabase,
  makeHlc,
  makeStudentFields,
  makeSyncRequest,
  TEST_CLIENT_ID,
  TEST_NOW,
  type TempDatabase,
} from './serverFixtures.ts';

export const MUNICIPALITY_1 = '11111111-0000-4000-8000-000000000001';
export const MUNICIPALITY_2 = '11111111-0000-4000-8000-000000000002';
/** Schools A and B lie in municipality 1, school C in municipality 2. */
export const SCHOOL_A = '22222222-0000-4000-8000-00000000000a';
export const SCHOOL_B = '22222222-0000-4000-8000-00000000000b';
export const SCHOOL_C = '22222222-0000-4000-8000-00000000000c';
export const CLASS_5_1 = classKeyOf(5, '5/1');
export const CLASS_5_2 = classKeyOf(5, '5/2');

/** Each server write gets a later stamp, as successive edits would. */
let serverCounter = 0;
const SERVER_NODE = '0000000000000000';

/** A fresh database holding the two municipalities and three schools. */
export async function createScopeWorld(): Promise<TempDatabase> {
  const temp = await createTempDatabase();
  for (const id of [MUNICIPALITY_1, MUNICIPALITY_2]) await storeRecord(temp.db, 'municipality', id, { name: 'M' });
  for (const [id, municipalityId] of [
    [SCHOOL_A, MUNICIPALITY_1],
    [SCHOOL_B, MUNICIPALITY_1],
    [SCHOOL_C, MUNICIPALITY_2],
  ] as const) {
    await storeRecord(temp.db, 'school', id, { name: 'S', municipalityId, country: 'XK' });
  }
  return temp;
}

/** Writes fields as the server itself would (no device), with a stamp later than every earlier one. */
export async function storeRecord(db: AppDatabase, entity: Entity, id: string, fields: object): Promise<void> {
  serverCounter += 1;
  const hlc = makeHlc(-60_000, serverCounter, SERVER_NODE);
  await writeWinningFields(db, { entity, entityId: id, fields, hlc, mutationId: null, clientId: null }, new Map());
}

export async function storeStudent(
  db: AppDatabase,
  schoolId: string,
  overrides: Partial<StudentFields> = {},
): Promise<string> {
  const id = randomUUID();
  await storeRecord(db, 'student', id, makeStudentFields({ schoolId, ...overrides }));
  return id;
}

/** A case with one record of every kind under it (and a screening of its student). */
export interface CaseFile {
  studentId: string;
  caseId: string;
  caseEventId: string;
  homeVisitId: string;
  planActionId: string;
  referralId: string;
  screeningId: string;
}

export async function storeCaseFile(db: AppDatabase, studentId: string, schoolId: string): Promise<CaseFile> {
  const record = makeCaseRecord(studentId, schoolId);
  const event = { id: randomUUID(), ...makeCaseEvent(record.id) };
  const visit = makeVisit(record.id);
  const action = makePlanAction(record.id);
  const referral = makeReferral(record.id);
  const screening = makeScreening(studentId);
  await storeRecord(db, 'case', record.id, wireFields(record));
  await storeRecord(db, 'caseEvent', event.id, wireFields(event));
  await storeRecord(db, 'homeVisit', visit.id, wireFields(visit));
  await storeRecord(db, 'planAction', action.id, wireFields(action));
  await storeRecord(db, 'referral', referral.id, wireFields(referral));
  await storeRecord(db, 'screening', screening.id, wireFields(screening));
  return {
    studentId,
    caseId: record.id,
    caseEventId: event.id,
    homeVisitId: visit.id,
    planActionId: action.id,
    referralId: referral.id,
    screeningId: screening.id,
  };
}

/** A referral of the case to the directorate or the CSW, in the state given. */
export async function storeOutsideReferral(
  db: AppDatabase,
  caseId: string,
  to: 'municipality' | 'csw',
  status: 'pending' | 'accepted' | 'declined' = 'pending',
): Promise<string> {
  const referral = makeReferral(caseId, { kind: 'referral', from: 'schoolTeam', to, status });
  await storeRecord(db, 'referral', referral.id, wireFields(referral));
  return referral.id;
}

export interface RoleGrant {
  role: Role;
  schoolId?: string;
  municipalityId?: string;
  classKey?: string;
}

/** A user with these role assignments; returns the user id. */
export async function addUser(db: AppDatabase, grants: readonly RoleGrant[]): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('app_user')
    .values({
      id,
      login: `user-${id}`,
      display_name: 'Test user',
      password_hash: null,
      organisation_id: null,
      locale: 'en',
      created_at: TEST_NOW,
      disabled_at: null,
      failed_sign_ins: 0,
      locked_until: null,
      scope_version: 1,
    })
    .execute();
  for (const grant of grants) {
    await db
      .insertInto('role_assignment')
      .values({
        id: randomUUID(),
        user_id: id,
        role: grant.role,
        school_id: grant.schoolId ?? null,
        municipality_id: grant.municipalityId ?? null,
        class_key: grant.classKey ?? null,
        created_at: TEST_NOW,
      })
      .execute();
  }
  return id;
}

export async function assignCase(db: AppDatabase, caseId: string, userId: string): Promise<void> {
  await db
    .insertInto('case_assignment')
    .values({ case_id: caseId, user_id: userId, assigned_at: TEST_NOW, assigned_by: null })
    .execute();
}

export async function unassignCase(db: AppDatabase, caseId: string, userId: string): Promise<void> {
  await db.deleteFrom('case_assignment').where('case_id', '=', caseId).where('user_id', '=', userId).execute();
}

let deviceCounter = 0;
/** A device's mutation; each gets a later HLC than the server's writes and the previous mutation. */
export function deviceMutation(
  entity: ClientWritableEntity | 'conflict',
  entityId: string,
  op: 'create' | 'set',
  fields: object,
  clientId = TEST_CLIENT_ID,
): Mutation {
  deviceCounter += 1;
  return {
    id: randomUUID(),
    clientId,
    hlc: makeHlc(0, deviceCounter),
    schema: SCHEMA_VERSION,
    entity,
    entityId,
    op,
    fields,
  };
}

/** One sync request from `userId` (the viewer a session would name). */
export function syncAs(db: AppDatabase, userId: string, request: Partial<SyncRequest> = {}): Promise<SyncResponse> {
  return runSync(db, makeSyncRequest(request), TEST_NOW, { userId });
}

export interface PulledWorld {
  /** Every record received, by `entity:id`, with its fields merged across pages. */
  records: Map<string, Record<string, unknown>>;
  cursor: number;
  scopeVersion: number | undefined;
}

/** Pulls every page from `cursor` as a device would, holding the scope version it was given. */
export async function pullAll(
  db: AppDatabase,
  userId: string,
  options: { clientId?: string; cursor?: number; scopeVersion?: number; limit?: number } = {},
): Promise<PulledWorld> {
  const records = new Map<string, Record<string, unknown>>();
  let cursor = options.cursor ?? 0;
  let scopeVersion = options.scopeVersion;
  for (let page = 0; page < 10_000; page++) {
    const reply = await syncAs(db, userId, {
      cursor,
      clientId: options.clientId ?? TEST_CLIENT_ID,
      ...(scopeVersion === undefined ? {} : { scopeVersion }),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
    });
    scopeVersion = reply.scope?.version ?? scopeVersion;
    mergeChanges(records, reply.changes);
    cursor = reply.nextCursor;
    if (!reply.hasMore) return { records, cursor, scopeVersion };
  }
  throw new Error('pullAll did not finish');
}

function mergeChanges(records: Map<string, Record<string, unknown>>, changes: readonly Change[]): void {
  for (const change of changes) {
    const key = `${change.entity}:${change.entityId}`;
    records.set(key, { ...records.get(key), ...change.fields });
  }
}

/** The `entity:id` keys of every record of a case file, the student and screening included. */
export function caseFileKeys(file: CaseFile): string[] {
  return [
    `student:${file.studentId}`,
    `case:${file.caseId}`,
    `caseEvent:${file.caseEventId}`,
    `homeVisit:${file.homeVisitId}`,
    `planAction:${file.planActionId}`,
    `referral:${file.referralId}`,
    `screening:${file.screeningId}`,
  ];
}
