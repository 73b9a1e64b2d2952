/**
 * POST /api/audit/exports (docs/exports.md): a device reports the exports it
 * made and the server records each once as an `export` event, placed in its
 * municipality, with the kind and rows only; it refuses, writing nothing, an
 * export of a case or place the user cannot read, an unknown kind, too many
 * rows, a time far ahead, a malformed body, and anyone signed out.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unassignCase } from '../../../src/server/accounts/caseAssignments.ts';
import {
  EXPORT_AUDIT_PATH,
  MAX_EXPORT_ROWS,
  MAX_EXPORTS_PER_REQUEST,
  type ExportAuditItem,
} from '../../../src/sync/exportAuditProtocol.ts';
import { MAX_CLOCK_AHEAD_MS } from '../../../src/sync/protocol.ts';
import { FERIZAJ, FERIZAJ_SCHOOL, PRIZREN, PRIZREN_SCHOOL, type AuditPageReply } from '../../support/auditWorld.ts';
import { storeCaseFile, storeStudent } from '../../support/scopeFixtures.ts';
import { expectValid, validatorFor, type JsonObject } from '../../support/openApiChecks.ts';
import { countRows } from '../../support/serverFixtures.ts';
import {
  createTestAccount,
  openTestSession,
  startAccountServer,
  type AccountTestServer,
} from '../../support/testAccounts.ts';

let server: AccountTestServer;
const cases = { ferizaj: '', prizren: '' };
const users = { team: '', mentor: '', coordinator: '', admin: '' };
const cookies = { team: '', mentor: '', coordinator: '', admin: '' };
const TEAM_DEVICE = randomUUID();

beforeAll(async () => {
  server = await startAccountServer();
  const { db, clock } = server;
  cases.ferizaj = (await storeCaseFile(db, await storeStudent(db, FERIZAJ_SCHOOL), FERIZAJ_SCHOOL)).caseId;
  cases.prizren = (await storeCaseFile(db, await storeStudent(db, PRIZREN_SCHOOL), PRIZREN_SCHOOL)).caseId;
  const account = async (roles: Parameters<typeof createTestAccount>[1]['roles'], caseIds: string[] = []) =>
    (await createTestAccount(db, { roles, caseIds, now: clock.now })).userId;
  users.team = await account([{ role: 'schoolTeam', schoolId: FERIZAJ_SCHOOL }]);
  users.mentor = await account([{ role: 'mentor' }], [cases.ferizaj]);
  users.coordinator = await account([{ role: 'coordinator', municipalityId: FERIZAJ }]);
  users.admin = await account([{ role: 'admin' }]);
  cookies.team = await openTestSession(db, users.team, TEAM_DEVICE, clock.now);
  cookies.mentor = await openTestSession(db, users.mentor, randomUUID(), clock.now);
  cookies.coordinator = await openTestSession(db, users.coordinator, randomUUID(), clock.now);
  cookies.admin = await openTestSession(db, users.admin, randomUUID(), clock.now);
}, 60_000);

afterAll(async () => {
  await server?.cleanup();
});

function item(overrides: Partial<ExportAuditItem> = {}): ExportAuditItem {
  return {
    id: randomUUID(),
    kind: 'caseList',
    rows: 12,
    caseId: null,
    schoolId: null,
    municipalityId: null,
    at: server.clock.now - 60_000,
    ...overrides,
  };
}

const summaryOf = (caseId: string, overrides: Partial<ExportAuditItem> = {}) =>
  item({ kind: 'caseSummary', rows: 1, caseId, schoolId: FERIZAJ_SCHOOL, ...overrides });

function report(cookie: string, body: unknown, contentType = 'application/json'): Promise<LightMyRequestResponse> {
  return server.app.inject({
    method: 'POST',
    url: EXPORT_AUDIT_PATH,
    headers: { 'content-type': contentType, cookie },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function exportEvents() {
  const rows = await server.db.selectFrom('audit_event').selectAll().where('action', '=', 'export').execute();
  return rows.map((row) => ({
    id: Number(row.id),
    at: Number(row.at),
    userId: row.user_id,
    clientId: row.client_id,
    entity: row.entity,
    entityId: row.entity_id,
    detail: row.detail_json === null ? null : (JSON.parse(row.detail_json) as unknown),
  }));
}

async function municipalitiesOf(eventId: number): Promise<string[]> {
  const rows = await server.db
    .selectFrom('audit_event_municipality')
    .select('municipality_id')
    .where('event_id', '=', eventId)
    .execute();
  return rows.map((row) => row.municipality_id).sort();
}

describe('reporting exports', () => {
  it('records a summary once, about its case, with kind and rows only, in the case’s municipality', async () => {
    const summary = summaryOf(cases.ferizaj);
    const response = await report(cookies.team, { exports: [summary] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ acknowledged: [summary.id], recorded: 1 });
    const events = (await exportEvents()).filter((event) => event.entityId === cases.ferizaj);
    expect(events).toEqual([
      expect.objectContaining({
        at: summary.at,
        userId: users.team,
        clientId: TEAM_DEVICE,
        entity: 'case',
        detail: { kind: 'caseSummary', rows: 1 },
      }),
    ]);
    expect(await municipalitiesOf(events[0]!.id)).toEqual([FERIZAJ]);

    // Sent again (the reply was lost on the way): acknowledged, recorded nothing more.
    const before = await countRows(server.db);
    const again = await report(cookies.team, { exports: [summary, summary] });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ acknowledged: [summary.id], recorded: 0 });
    expect(await countRows(server.db)).toEqual(before);
  });

  it('records the same export sent twice at once only once', async () => {
    const list = item({ schoolId: FERIZAJ_SCHOOL });
    const replies = await Promise.all([
      report(cookies.team, { exports: [list] }),
      report(cookies.team, { exports: [list] }),
    ]);
    expect(replies.map((reply) => reply.statusCode)).toEqual([200, 200]);
    expect(replies.map((reply) => reply.json<{ recorded: number }>().recorded).sort()).toEqual([0, 1]);
    expect(
      (await exportEvents()).filter((event) => event.entityId === FERIZAJ_SCHOOL && event.at === list.at),
    ).toHaveLength(1);
  });

  it('places lists and tables by the school or municipality they are limited to, or by who made them', async () => {
    const whole = item({ rows: 250, at: server.clock.now - 1000 });
    const school = item({ kind: 'dashboardTable', rows: 8, schoolId: FERIZAJ_SCHOOL, at: server.clock.now - 999 });
    const municipality = item({ kind: 'dashboardTable', rows: 14, municipalityId: FERIZAJ, at: server.clock.now });
    const response = await report(cookies.coordinator, { exports: [whole, school, municipality] });
    expect(response.json()).toEqual({ acknowledged: [whole.id, school.id, municipality.id], recorded: 3 });
    const mine = (await exportEvents()).filter((event) => event.userId === users.coordinator);
    expect(mine.map(({ at, entity, entityId, detail }) => ({ at, entity, entityId, detail }))).toEqual([
      { at: whole.at, entity: null, entityId: null, detail: { kind: 'caseList', rows: 250 } },
      { at: school.at, entity: 'school', entityId: FERIZAJ_SCHOOL, detail: { kind: 'dashboardTable', rows: 8 } },
      { at: municipality.at, entity: 'municipality', entityId: FERIZAJ, detail: { kind: 'dashboardTable', rows: 14 } },
    ]);
    for (const event of mine) expect(await municipalitiesOf(event.id)).toEqual([FERIZAJ]);

    // The coordinator's own trail shows them; Prizren's coordinator sees none of them.
    const prizren = await createTestAccount(server.db, { roles: [{ role: 'coordinator', municipalityId: PRIZREN }] });
    const prizrenCookie = await openTestSession(server.db, prizren.userId, randomUUID(), server.clock.now);
    const read = async (cookie: string) =>
      (
        await server.app.inject({ method: 'GET', url: '/api/audit?action=export&limit=100', headers: { cookie } })
      ).json<AuditPageReply>();
    expect((await read(cookies.coordinator)).events.map((event) => event.id)).toEqual(
      expect.arrayContaining(mine.map((event) => event.id)),
    );
    expect((await read(prizrenCookie)).events).toEqual([]);
  });

  it('acknowledges an export recorded before even once its case has left the user’s scope, and refuses a new one', async () => {
    const { db, clock } = server;
    const mentorCase = (await storeCaseFile(db, await storeStudent(db, FERIZAJ_SCHOOL), FERIZAJ_SCHOOL)).caseId;
    const mentor = await createTestAccount(db, { roles: [{ role: 'mentor' }], caseIds: [mentorCase] });
    const cookie = await openTestSession(db, mentor.userId, randomUUID(), clock.now);
    const first = summaryOf(mentorCase);
    expect((await report(cookie, { exports: [first] })).statusCode).toBe(200);
    await unassignCase(db, null, mentorCase, mentor.userId, clock.now);

    expect((await report(cookie, { exports: [first] })).json()).toEqual({ acknowledged: [first.id], recorded: 0 });
    const refused = await report(cookie, { exports: [summaryOf(mentorCase)] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: { code: 'forbidden' } });
  });
});

describe('refused reports write nothing', () => {
  async function expectRefused(cookie: string, body: unknown, status: number, error: unknown, contentType?: string) {
    const before = await countRows(server.db);
    const response = await report(cookie, body, contentType);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual(error);
    expect(await countRows(server.db)).toEqual(before);
  }
  const forbidden = { error: { code: 'forbidden' } };
  const issue = (path: string, code: string) => ({ error: { code: 'bad_request', issues: [{ path, code }] } });

  it('refuses a case or place the user cannot read, and the whole batch with it', async () => {
    await expectRefused(cookies.team, { exports: [summaryOf(cases.prizren, { schoolId: null })] }, 403, forbidden);
    await expectRefused(cookies.team, { exports: [summaryOf(randomUUID())] }, 403, forbidden);
    await expectRefused(cookies.team, { exports: [item({ schoolId: PRIZREN_SCHOOL })] }, 403, forbidden);
    await expectRefused(cookies.team, { exports: [item({ municipalityId: PRIZREN })] }, 403, forbidden);
    const good = item({ schoolId: FERIZAJ_SCHOOL });
    await expectRefused(cookies.team, { exports: [good, summaryOf(cases.prizren)] }, 403, forbidden);
    // A mentor reads only the cases given to them; a coordinator only their municipality's places.
    await expectRefused(cookies.mentor, { exports: [summaryOf(cases.prizren)] }, 403, forbidden);
    await expectRefused(
      cookies.coordinator,
      { exports: [item({ kind: 'dashboardTable', municipalityId: PRIZREN })] },
      403,
      forbidden,
    );
    await expectRefused(
      cookies.coordinator,
      { exports: [item({ kind: 'dashboardTable', schoolId: PRIZREN_SCHOOL })] },
      403,
      forbidden,
    );
    // An administrator sees no child data, so exported none.
    await expectRefused(cookies.admin, { exports: [item()] }, 403, forbidden);
  });

  it('refuses an unknown kind, too many rows, a summary of several or of no case, and a time far ahead', async () => {
    await expectRefused(
      cookies.team,
      { exports: [{ ...item(), kind: 'studentList' }] },
      400,
      issue('exports.0.kind', 'invalid_value'),
    );
    await expectRefused(
      cookies.team,
      { exports: [item({ rows: MAX_EXPORT_ROWS + 1 })] },
      400,
      issue('exports.0.rows', 'too_big'),
    );
    await expectRefused(cookies.team, { exports: [item({ rows: -1 })] }, 400, issue('exports.0.rows', 'too_small'));
    await expectRefused(
      cookies.team,
      { exports: [summaryOf(cases.ferizaj, { rows: 2 })] },
      400,
      issue('exports.0.rows', 'too_big'),
    );
    await expectRefused(
      cookies.team,
      { exports: [summaryOf(cases.ferizaj, { rows: 0 })] },
      400,
      issue('exports.0.rows', 'too_small'),
    );
    await expectRefused(
      cookies.team,
      { exports: [item({ kind: 'caseSummary', rows: 1 })] },
      400,
      issue('exports.0.caseId', 'required'),
    );
    await expectRefused(
      cookies.team,
      { exports: [item({ caseId: cases.ferizaj })] },
      400,
      issue('exports.0.caseId', 'not_allowed'),
    );
    const ahead = server.clock.now + MAX_CLOCK_AHEAD_MS;
    await expectRefused(
      cookies.team,
      { exports: [item(), item({ at: ahead + 1 })] },
      400,
      issue('exports.1.at', 'clock_ahead'),
    );
    // Up to the limit a wrong clock explains, it is taken.
    expect((await report(cookies.team, { exports: [item({ at: ahead })] })).statusCode).toBe(200);
  });

  it('refuses a malformed body, too many exports at once, another media type and no session', async () => {
    const many = Array.from({ length: MAX_EXPORTS_PER_REQUEST + 1 }, () => item());
    await expectRefused(cookies.team, { exports: many }, 400, issue('exports', 'too_big'));
    await expectRefused(cookies.team, { exports: [] }, 400, issue('exports', 'too_small'));
    await expectRefused(
      cookies.team,
      { exports: [{ ...item(), name: 'Arbër' }] },
      400,
      issue('exports.0', 'unrecognized_keys'),
    );
    await expectRefused(
      cookies.team,
      { exports: [item({ id: 'not-an-id' })] },
      400,
      issue('exports.0.id', 'invalid_format'),
    );
    await expectRefused(cookies.team, '{"exports":', 400, { error: { code: 'bad_request' } });
    await expectRefused(cookies.team, 'exports', 415, { error: { code: 'unsupported_media_type' } }, 'text/plain');
    await expectRefused('', { exports: [item()] }, 401, { error: { code: 'unauthenticated' } });
  });
});

describe('the OpenAPI description of reporting exports', () => {
  it('describes the request and the 200, 400 and 403 replies the route gives', async () => {
    const document = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<JsonObject>();
    const validator = validatorFor(document);
    const body = { exports: [item({ schoolId: FERIZAJ_SCHOOL }), summaryOf(cases.ferizaj)] };
    expectValid(validator.request(EXPORT_AUDIT_PATH, 'post'), body);
    const replies = [
      [await report(cookies.team, body), 200],
      [await report(cookies.team, { exports: [item({ rows: MAX_EXPORT_ROWS + 1 })] }), 400],
      [await report(cookies.team, { exports: [summaryOf(cases.prizren)] }), 403],
    ] as const;
    for (const [reply, status] of replies) {
      expect(reply.statusCode).toBe(status);
      expectValid(validator.response(EXPORT_AUDIT_PATH, 'post', status), reply.json());
    }
  });
});
