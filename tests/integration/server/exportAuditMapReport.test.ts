/**
 * A printed Municipal Action Plan report in the audit trail (docs/mapReport.md):
 * recorded as one document about the municipality, placed there, for a
 * coordinator of that municipality only; refused, writing nothing, for any
 * other municipality, for a user of the municipality who does not keep its
 * plan, and when it names no municipality, a school or case, or more than
 * one document.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_AUDIT_PATH, type ExportAuditItem } from '../../../src/sync/exportAuditProtocol.ts';
import { FERIZAJ, FERIZAJ_SCHOOL, PRIZREN } from '../../support/auditWorld.ts';
import { storeCaseFile, storeStudent } from '../../support/scopeFixtures.ts';
import { countRows } from '../../support/serverFixtures.ts';
import {
  createTestAccount,
  openTestSession,
  startAccountServer,
  type AccountTestServer,
} from '../../support/testAccounts.ts';

let server: AccountTestServer;
const cookies = { coordinator: '', liaison: '', team: '', twoPlaces: '' };
const users = { coordinator: '', twoPlaces: '' };
let ferizajCase = '';

beforeAll(async () => {
  server = await startAccountServer();
  const { db, clock } = server;
  ferizajCase = (await storeCaseFile(db, await storeStudent(db, FERIZAJ_SCHOOL), FERIZAJ_SCHOOL)).caseId;
  const signIn = async (roles: Parameters<typeof createTestAccount>[1]['roles']) => {
    const { userId } = await createTestAccount(db, { roles, now: clock.now });
    return { userId, cookie: await openTestSession(db, userId, randomUUID(), clock.now) };
  };
  const coordinator = await signIn([{ role: 'coordinator', municipalityId: FERIZAJ }]);
  const liaison = await signIn([{ role: 'cswLiaison', municipalityId: FERIZAJ }]);
  const team = await signIn([{ role: 'schoolTeam', schoolId: FERIZAJ_SCHOOL }]);
  const twoPlaces = await signIn([
    { role: 'coordinator', municipalityId: PRIZREN },
    { role: 'cswLiaison', municipalityId: FERIZAJ },
  ]);
  Object.assign(cookies, {
    coordinator: coordinator.cookie,
    liaison: liaison.cookie,
    team: team.cookie,
    twoPlaces: twoPlaces.cookie,
  });
  Object.assign(users, { coordinator: coordinator.userId, twoPlaces: twoPlaces.userId });
}, 60_000);

afterAll(async () => {
  await server?.cleanup();
});

function mapReport(overrides: Partial<ExportAuditItem> = {}): ExportAuditItem {
  return {
    id: randomUUID(),
    kind: 'mapReport',
    rows: 1,
    caseId: null,
    schoolId: null,
    municipalityId: FERIZAJ,
    at: server.clock.now - 60_000,
    ...overrides,
  };
}

function report(cookie: string, exports: unknown[]): Promise<LightMyRequestResponse> {
  return server.app.inject({
    method: 'POST',
    url: EXPORT_AUDIT_PATH,
    headers: { 'content-type': 'application/json', cookie },
    payload: JSON.stringify({ exports }),
  });
}

async function eventsOf(userId: string) {
  const rows = await server.db
    .selectFrom('audit_event')
    .select(['id', 'entity', 'entity_id', 'detail_json'])
    .where('action', '=', 'export')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    entity: row.entity,
    entityId: row.entity_id,
    detail: row.detail_json === null ? null : (JSON.parse(row.detail_json) as unknown),
  }));
}

describe('a printed MAP report', () => {
  it('is recorded once for a coordinator of its municipality, about and placed in the municipality', async () => {
    const printed = mapReport();
    const response = await report(cookies.coordinator, [printed]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ acknowledged: [printed.id], recorded: 1 });
    const events = await eventsOf(users.coordinator);
    expect(events).toEqual([
      expect.objectContaining({ entity: 'municipality', entityId: FERIZAJ, detail: { kind: 'mapReport', rows: 1 } }),
    ]);
    const places = await server.db
      .selectFrom('audit_event_municipality')
      .select('municipality_id')
      .where('event_id', '=', events[0]!.id)
      .execute();
    expect(places.map((row) => row.municipality_id)).toEqual([FERIZAJ]);

    expect((await report(cookies.coordinator, [printed])).json()).toEqual({
      acknowledged: [printed.id],
      recorded: 0,
    });
  });

  it('is recorded for the municipality a user coordinates, whatever other roles they hold', async () => {
    const printed = mapReport({ municipalityId: PRIZREN });
    expect((await report(cookies.twoPlaces, [printed])).statusCode).toBe(200);
    expect(await eventsOf(users.twoPlaces)).toEqual([
      expect.objectContaining({ entity: 'municipality', entityId: PRIZREN }),
    ]);
  });
});

describe('refused MAP reports write nothing', () => {
  async function expectRefused(cookie: string, exports: unknown[], status: number, error: unknown) {
    const before = await countRows(server.db);
    const response = await report(cookie, exports);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual(error);
    expect(await countRows(server.db)).toEqual(before);
  }
  const forbidden = { error: { code: 'forbidden' } };
  const issue = (path: string, code: string) => ({ error: { code: 'bad_request', issues: [{ path, code }] } });

  it('refuses another municipality’s report, and the whole batch with it', async () => {
    await expectRefused(cookies.coordinator, [mapReport({ municipalityId: PRIZREN })], 403, forbidden);
    await expectRefused(cookies.coordinator, [mapReport(), mapReport({ municipalityId: PRIZREN })], 403, forbidden);
    await expectRefused(cookies.coordinator, [mapReport({ municipalityId: randomUUID() })], 403, forbidden);
  });

  it('refuses users of the municipality who do not keep its plan', async () => {
    // A CSW liaison and a school team reach Ferizaj's dashboard tables, never its Action Plan.
    await expectRefused(cookies.liaison, [mapReport()], 403, forbidden);
    await expectRefused(cookies.team, [mapReport()], 403, forbidden);
    await expectRefused(cookies.twoPlaces, [mapReport()], 403, forbidden);
  });

  it('refuses a report naming no municipality, a school or a case, or more than one document', async () => {
    await expectRefused(
      cookies.coordinator,
      [mapReport({ municipalityId: null })],
      400,
      issue('exports.0.municipalityId', 'required'),
    );
    await expectRefused(
      cookies.coordinator,
      [mapReport({ schoolId: FERIZAJ_SCHOOL })],
      400,
      issue('exports.0.schoolId', 'not_allowed'),
    );
    await expectRefused(
      cookies.coordinator,
      [mapReport({ caseId: ferizajCase })],
      400,
      issue('exports.0.caseId', 'not_allowed'),
    );
    await expectRefused(cookies.coordinator, [mapReport({ rows: 2 })], 400, issue('exports.0.rows', 'too_big'));
    await expectRefused(cookies.coordinator, [mapReport({ rows: 0 })], 400, issue('exports.0.rows', 'too_small'));
  });
});
