/**
 * Two municipalities' worth of audit trail on a real server (demo data, real
 * sync and administration requests): Ferizaj and Prizren each have a school
 * team member, a case and a coordinator; an administrator grants the Prizren
 * member a role at a Ferizaj school and takes it away again; someone tries an
 * unknown login. Each step happens an hour after the one before.
 */
import type { LightMyRequestResponse } from 'fastify';
import { DEMO_MUNICIPALITY_IDS, DEMO_SCHOOL_IDS } from '../../src/server/seed/demoPlaces.ts';
import { runSync } from '../../src/server/sync/runSync.ts';
import { MAX_PULL_LIMIT } from '../../src/sync/protocol.ts';
import { makeMutation, makeStudentFields, makeSyncRequest, newId } from './serverFixtures.ts';
import { storeCaseFile, storeStudent } from './scopeFixtures.ts';
import {
  createTestAccount,
  openTestSession,
  postSignIn,
  startAccountServer,
  type AccountTestServer,
} from './testAccounts.ts';

export const HOUR = 60 * 60 * 1000;
export const FERIZAJ = DEMO_MUNICIPALITY_IDS.ferizaj;
export const PRIZREN = DEMO_MUNICIPALITY_IDS.prizren;
export const FERIZAJ_SCHOOL = DEMO_SCHOOL_IDS.ferizajAhmetHoxha;
export const PRIZREN_SCHOOL = DEMO_SCHOOL_IDS.prizrenLekeDukagjini;

export interface AuditEventReply {
  id: number;
  at: number;
  userId: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditPageReply {
  events: AuditEventReply[];
  hasMore: boolean;
  people: Record<string, string>;
  organisations: Record<string, string>;
}

export interface AuditWorld {
  server: AccountTestServer;
  /** Session cookies. */
  cookies: { admin: string; ferizajCoordinator: string; prizrenCoordinator: string; ferizajTeam: string };
  users: { admin: string; ferizajTeam: string; prizrenTeam: string };
  cases: { ferizaj: string; prizren: string };
  /** The student the Prizren member recorded (a case-less student: the trail names the student). */
  prizrenStudent: string;
  /** When each step happened: accounts made, syncs, the role granted and taken, the unknown login. */
  times: { accounts: number; syncs: number; roles: number; unknownLogin: number };
  read: (query: string, cookie: string) => Promise<LightMyRequestResponse>;
  readPage: (query: string, cookie: string) => Promise<AuditPageReply>;
}

export async function buildAuditWorld(): Promise<AuditWorld> {
  const server = await startAccountServer();
  const { db, clock } = server;
  const accounts = clock.now;
  const cases = {
    ferizaj: (await storeCaseFile(db, await storeStudent(db, FERIZAJ_SCHOOL), FERIZAJ_SCHOOL)).caseId,
    prizren: (await storeCaseFile(db, await storeStudent(db, PRIZREN_SCHOOL), PRIZREN_SCHOOL)).caseId,
  };
  const account = async (displayName: string, roles: Parameters<typeof createTestAccount>[1]['roles']) =>
    (await createTestAccount(db, { displayName, roles, now: clock.now })).userId;
  const users = {
    admin: await account('Arta Administrator', [{ role: 'admin' }]),
    ferizajTeam: await account('Drita Krasniqi', [{ role: 'schoolTeam', schoolId: FERIZAJ_SCHOOL }]),
    prizrenTeam: await account('Besnik Morina', [{ role: 'schoolTeam', schoolId: PRIZREN_SCHOOL }]),
  };
  const ferizajCoordinator = await account('Coordinator Ferizaj', [{ role: 'coordinator', municipalityId: FERIZAJ }]);
  const prizrenCoordinator = await account('Coordinator Prizren', [{ role: 'coordinator', municipalityId: PRIZREN }]);
  const session = (userId: string) => openTestSession(db, userId, newId(), clock.now);
  const cookies = {
    admin: await session(users.admin),
    ferizajCoordinator: await session(ferizajCoordinator),
    prizrenCoordinator: await session(prizrenCoordinator),
    ferizajTeam: await session(users.ferizajTeam),
  };

  clock.now += HOUR;
  const syncs = clock.now;
  // One pull that reaches the end of the demo data (its cohort included), so every case is read and audited.
  await runSync(db, makeSyncRequest({ clientId: newId(), limit: MAX_PULL_LIMIT }), clock.now, {
    userId: users.ferizajTeam,
  });
  const clientId = newId();
  const student = makeMutation({ clientId, fields: makeStudentFields({ schoolId: PRIZREN_SCHOOL }) });
  await runSync(db, makeSyncRequest({ clientId, mutations: [student], limit: 1000 }), clock.now, {
    userId: users.prizrenTeam,
  });

  clock.now += HOUR;
  const roles = clock.now;
  const admin = (method: 'POST' | 'DELETE', url: string, body?: unknown) =>
    server.app.inject({
      method,
      url,
      headers: { cookie: cookies.admin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  const granted = await admin('POST', `/api/users/${users.prizrenTeam}/roles`, {
    role: 'schoolTeam',
    schoolId: FERIZAJ_SCHOOL,
  });
  const { roleAssignment } = granted.json<{ roleAssignment: { id: string } }>();
  await admin('DELETE', `/api/users/${users.prizrenTeam}/roles/${roleAssignment.id}`);

  clock.now += HOUR;
  const unknownLogin = clock.now;
  await postSignIn(server.app, { login: 'nobody-here', password: 'not-a-password', clientId: newId() });

  const read = (query: string, cookie: string) =>
    server.app.inject({ method: 'GET', url: `/api/audit${query}`, headers: { cookie } });
  return {
    server,
    cookies,
    users,
    cases,
    prizrenStudent: student.entityId,
    times: { accounts, syncs, roles, unknownLogin },
    read,
    readPage: async (query, cookie) => {
      const reply = await read(query, cookie);
      if (reply.statusCode !== 200)
        throw new Error(`GET /api/audit${query} answered ${reply.statusCode}: ${reply.body}`);
      return reply.json<AuditPageReply>();
    },
  };
}
