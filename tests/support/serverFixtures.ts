/** Builders and a real-database test server (SQLite, or PostgreSQL in `server-postgres`) for the server tests. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { formatHlc } from '../../src/domain/hlc.ts';
import { ID_PATTERN } from '../../src/domain/student.ts';
import type { StudentFields } from '../../src/domain/student.ts';
import { createServer } from '../../src/server/createServer.ts';
import { APP_TABLES } from '../../src/server/database/databaseSchema.ts';
import type { AppDatabase, OpenDatabaseOptions } from '../../src/server/database/openDatabase.ts';
import { writeWinningFields } from '../../src/server/sync/fieldStore.ts';
import {
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  type Entity,
  type Mutation,
  type SyncRequest,
  type SyncResponse,
} from '../../src/sync/protocol.ts';
import { openFreshDatabase } from './serverTestDatabase.ts';
import { createTestAccount, openTestSession } from './testAccounts.ts';

/** The pinned server clock of test servers. */
export const TEST_NOW = Date.parse('2026-11-23T10:00:00.000Z');
export const TEST_SCHOOL_ID = '99999999-0000-4000-8000-000000000001';
export const TEST_CLIENT_ID = '88888888-0000-4000-8000-000000000001';
/** A second device, which pulls what TEST_CLIENT_ID pushed. */
export const OTHER_CLIENT_ID = '88888888-0000-4000-8000-000000000002';
const TEST_NODE = 'aaaaaaaaaaaaaaaa';

export function newId(): string {
  return randomUUID();
}

/** An HLC `offsetMs` from the test clock; later offsets (or counters) win. */
export function makeHlc(offsetMs = 0, counter = 0, node = TEST_NODE): string {
  return formatHlc({ millis: TEST_NOW + offsetMs, counter, node });
}

export function makeStudentFields(overrides: Partial<StudentFields> = {}): StudentFields {
  return {
    givenName: 'Drita',
    familyName: 'Gashi',
    sex: 'female',
    dateOfBirth: '2014-05-12',
    schoolId: TEST_SCHOOL_ID,
    grade: 5,
    className: '5/1',
    community: '',
    rural: false,
    guardianName: 'Arta Gashi',
    guardianPhone: '+383 44 123 456',
    ...overrides,
  };
}

/** A `create` of a new valid student unless overridden. */
export function makeMutation(overrides: Partial<Mutation> = {}): Mutation {
  return {
    id: newId(),
    clientId: TEST_CLIENT_ID,
    hlc: makeHlc(),
    schema: SCHEMA_VERSION,
    entity: 'student',
    entityId: newId(),
    op: 'create',
    fields: makeStudentFields(),
    ...overrides,
  };
}

export function makeSyncRequest(overrides: Partial<SyncRequest> = {}): SyncRequest {
  return {
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    clientId: TEST_CLIENT_ID,
    cursor: 0,
    mutations: [],
    ...overrides,
  };
}

export interface TempDatabase {
  db: AppDatabase;
  /** The SQLite file; '' on PostgreSQL, where `target` says where the data is. */
  file: string;
  /** Pass to `openDatabase` to reach the same data again, as a restarted server would. */
  target: OpenDatabaseOptions;
  /** Destroys the connection (if still open) and deletes the data (the folder, or the PostgreSQL schema). */
  cleanup: () => Promise<void>;
}

/** A fresh, migrated database on the engine of the vitest project (see serverTestDatabase.ts). */
export async function createTempDatabase(): Promise<TempDatabase> {
  const { db, file, target, drop } = await openFreshDatabase();
  return { db, file, target, cleanup: drop };
}

/** Writes a school record directly, as the seed would, so student mutations can name it. */
export async function addSchool(db: AppDatabase, id = TEST_SCHOOL_ID): Promise<void> {
  await writeWinningFields(
    db,
    {
      entity: 'school',
      entityId: id,
      fields: { name: 'Test school' },
      hlc: makeHlc(-1000, 0, '0'.repeat(16)),
      mutationId: null,
      clientId: null,
    },
    new Map(),
  );
}

export interface TestServer extends TempDatabase {
  app: FastifyInstance;
  /** The school team member of TEST_SCHOOL_ID whose sessions postSync and sync use. */
  userId: string;
}

/**
 * A server on a fresh database holding one school (TEST_SCHOOL_ID), with the
 * clock at TEST_NOW, and a school team account of that school signed in on
 * TEST_CLIENT_ID and OTHER_CLIENT_ID (other devices sign in when first used).
 */
export async function startTestServer(options: { staticDir?: string } = {}): Promise<TestServer> {
  const temp = await createTempDatabase();
  await addSchool(temp.db);
  const app = await createServer({ db: temp.db, now: () => TEST_NOW, ...options });
  const { userId } = await createTestAccount(temp.db, {
    roles: [{ role: 'schoolTeam', schoolId: TEST_SCHOOL_ID }],
    login: 'test-school-team',
    now: TEST_NOW,
  });
  const sessions = signInTestClients(app, temp.db, { userId, now: () => TEST_NOW });
  await Promise.all([sessions.cookieFor(TEST_CLIENT_ID), sessions.cookieFor(OTHER_CLIENT_ID)]);
  return {
    ...temp,
    app,
    userId,
    cleanup: async () => {
      await app.close();
      await temp.cleanup();
    },
  };
}

/** One session per device id, made on first use, for postSync and sync to send. */
export interface TestSessions {
  cookieFor: (clientId: string) => Promise<string>;
}

const sessionsByApp = new WeakMap<FastifyInstance, TestSessions>();

/**
 * Makes postSync and sync on `app` send, for each request, the session cookie
 * of its body's clientId, signed in as `userId` (the session is opened at the
 * server's clock `now`). Without it, they send no cookie and get 401.
 */
export function signInTestClients(
  app: FastifyInstance,
  db: AppDatabase,
  { userId, now }: { userId: string; now: () => number },
): TestSessions {
  const cookies = new Map<string, Promise<string>>();
  const sessions: TestSessions = {
    cookieFor: (clientId) => {
      const known = cookies.get(clientId);
      if (known !== undefined) return known;
      const opened = openTestSession(db, userId, clientId, now());
      cookies.set(clientId, opened);
      return opened;
    },
  };
  sessionsByApp.set(app, sessions);
  return sessions;
}

/** Lets a server restarted on the same data use the sessions the first one signed in (they live in the database). */
export function reuseTestSessions(from: FastifyInstance, to: FastifyInstance): void {
  const sessions = sessionsByApp.get(from);
  if (sessions === undefined) throw new Error('the first server signed nobody in');
  sessionsByApp.set(to, sessions);
}

/**
 * The cookie for a body (an object, or JSON text): its clientId's session; a
 * body without a readable id (the hostile ones) goes with TEST_CLIENT_ID's, so
 * it is refused for what it is, not for lacking a session.
 */
export async function cookieForBody(app: FastifyInstance, body: unknown): Promise<string | undefined> {
  const sessions = sessionsByApp.get(app);
  if (sessions === undefined) return undefined;
  return sessions.cookieFor(clientIdOf(body) ?? TEST_CLIENT_ID);
}

/** `{ cookie }` for a request carrying `body` (see cookieForBody), or nothing when the app signs nobody in. */
export async function sessionHeaders(app: FastifyInstance, body?: unknown): Promise<Record<string, string>> {
  const cookie = await cookieForBody(app, body);
  return cookie === undefined ? {} : { cookie };
}

function clientIdOf(body: unknown): string | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null || !('clientId' in value)) return undefined;
  const { clientId } = value;
  return typeof clientId === 'string' && ID_PATTERN.test(clientId) ? clientId : undefined;
}

export async function postSync(
  app: FastifyInstance,
  body: unknown,
  contentType = 'application/json',
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/sync',
    headers: { 'content-type': contentType, ...(await sessionHeaders(app, body)) },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Posts a valid request and returns the parsed reply, failing loudly on any other status. */
export async function sync(app: FastifyInstance, request: SyncRequest): Promise<SyncResponse> {
  const response = await postSync(app, request);
  if (response.statusCode !== 200) throw new Error(`sync answered ${response.statusCode}: ${response.body}`);
  return response.json<SyncResponse>();
}

export type RowCounts = Record<(typeof APP_TABLES)[number], number>;

export async function countRows(db: AppDatabase): Promise<RowCounts> {
  const counts: Partial<RowCounts> = {};
  for (const table of APP_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts as RowCounts;
}

/** The stored value of every field of one record, as the database holds it. */
export async function readStoredFields(
  db: AppDatabase,
  entity: Entity,
  entityId: string,
): Promise<Record<string, unknown>> {
  const rows = await db
    .selectFrom('entity_field')
    .select(['field', 'value_json'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.field, JSON.parse(row.value_json) as unknown]));
}
