/**
 * GET /api/dashboard on a real database (SQLite, and PostgreSQL in
 * `server-postgres`): what a coordinator and a school team read, what
 * everyone else is refused, that a bad query changes nothing, that every read
 * is audited where it belongs, and that no child's name or id leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../src/domain/dashboard/computeDashboard.ts';
import type { DashboardReply } from '../../../src/domain/dashboard/dashboardReply.ts';
import { suppressSmallCounts } from '../../../src/domain/dashboard/suppressSmallCounts.ts';
import { expectValid, validatorFor, type JsonObject } from '../../support/openApiChecks.ts';
import {
  AS_OF,
  buildDashboardWorld,
  inputOf,
  M1,
  M2,
  SCHOOL_A,
  SCHOOL_B,
  SCHOOL_C,
  type DashboardWorld,
  type WorldRole,
} from '../../support/dashboardWorld.ts';

const WORLD_TIMEOUT = 60_000;

describe('GET /api/dashboard', () => {
  let world: DashboardWorld;
  beforeAll(async () => {
    world = await buildDashboardWorld();
  }, WORLD_TIMEOUT);
  afterAll(async () => {
    await world?.cleanup();
  });

  const get = (role: WorldRole | null, query = '') =>
    world.app.inject({
      method: 'GET',
      url: `/api/dashboard${query}`,
      headers: role === null ? {} : { cookie: world.cookies[role] },
    });
  const read = async (role: WorldRole, query = ''): Promise<DashboardReply> => {
    const response = await get(role, query);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DashboardReply>();
  };
  const auditRows = () =>
    world.db.selectFrom('audit_event').selectAll().where('action', '=', 'dashboard_read').orderBy('id').execute();

  /** What the municipality's coordinator must see: M1 and its schools, suppressed together. */
  const suppressedM1 = () =>
    suppressSmallCounts([
      { schoolId: null, figures: computeDashboard(inputOf(world.input, [SCHOOL_A, SCHOOL_B])) },
      { schoolId: SCHOOL_A, figures: computeDashboard(inputOf(world.input, [SCHOOL_A])) },
      { schoolId: SCHOOL_B, figures: computeDashboard(inputOf(world.input, [SCHOOL_B])) },
    ]);

  it("gives a coordinator their municipality's aggregates, suppressed, and the places they may choose", async () => {
    const reply = await read('coordinator');
    expect(reply.places).toEqual({ municipalities: [{ id: M1, schoolIds: [SCHOOL_A, SCHOOL_B] }], schoolIds: [] });
    expect(reply.place).toEqual({ municipalityId: M1, schoolId: null });
    expect(reply.computedAt).toBe(world.clock.now);
    expect(reply.figures).toEqual(suppressedM1()[0]);
    // Worked out by hand: 16 cases (A 11, B 5). By risk, A's 3 high-risk cases are suppressed, so A's 8 medium
    // (its row) and B's 5 very high (the municipality's levels) are hidden; B's row then holds one unknown, so its
    // total (5) is hidden, and with it A's (11) — the same counts in cases by status, which share these totals.
    const byStatus = reply.figures.breakdowns.school.casesByStatus;
    expect(reply.figures.asOf).toBe(AS_OF);
    expect(reply.figures.suppressed).toBe(true);
    expect(byStatus.total).toBe(16);
    expect(byStatus.rows.map((row) => [row.group, row.total])).toEqual([
      [SCHOOL_A, 'hidden'],
      [SCHOOL_B, 'hidden'],
    ]);
    expect(reply.figures.breakdowns.school.casesByRisk.rows[1]?.cells).toEqual([0, 0, 0, 'hidden', 0]);
    expect(reply.figures.breakdowns.all.casesByRisk.rows[0]?.cells).toEqual([0, 'hidden', 'fewerThan5', 'hidden', 0]);
    expect(byStatus.rows[1]?.cells).toEqual(['fewerThan5', 0, 0, 0, 0, 'fewerThan5']);
    expect(reply.figures.breakdowns.all.screened.total).toBe(19);
  });

  it('filters to one school of the municipality, suppressed alike', async () => {
    const reply = await read('coordinator', `?municipalityId=${M1}&schoolId=${SCHOOL_A}`);
    expect(reply.place).toEqual({ municipalityId: M1, schoolId: SCHOOL_A });
    expect(reply.figures).toEqual(suppressedM1()[1]);
    const alone = await read('coordinator', `?schoolId=${SCHOOL_B}`);
    expect(alone.place).toEqual({ municipalityId: M1, schoolId: SCHOOL_B });
    expect(alone.figures.breakdowns.all.casesByStatus.total).toBe('hidden');
  });

  it("gives a school team member and a principal their school's own figures, small counts included", async () => {
    const team = await read('schoolTeam');
    expect(team.places).toEqual({ municipalities: [], schoolIds: [SCHOOL_A] });
    expect(team.place).toEqual({ municipalityId: null, schoolId: SCHOOL_A });
    expect(team.figures).toEqual(computeDashboard(inputOf(world.input, [SCHOOL_A])));
    expect(team.figures.breakdowns.all.casesByStatus.rows[0]?.cells).toEqual([0, 1, 0, 6, 0, 4]);
    const principal = await read('principal', `?schoolId=${SCHOOL_B}`);
    expect(principal.figures.suppressed).toBe(false);
    expect(principal.figures.breakdowns.all.outcomes.rows[0]?.cells).toEqual([0, 0, 0, 2, 0, 0]);
  });

  it('refuses every other role, and any place that is not the user’s, with 403 forbidden', async () => {
    const refusals: [WorldRole, string][] = [
      ['teacher', ''],
      ['mentor', ''],
      ['admin', ''],
      ['cswLiaison', ''],
      ['otherCoordinator', `?municipalityId=${M1}`],
      ['otherCoordinator', `?schoolId=${SCHOOL_A}`],
      ['coordinator', `?municipalityId=${M2}`],
      ['coordinator', `?schoolId=${SCHOOL_C}`],
      ['coordinator', `?municipalityId=${M1}&schoolId=${SCHOOL_C}`],
      ['schoolTeam', `?schoolId=${SCHOOL_B}`],
      ['schoolTeam', `?municipalityId=${M1}`],
      ['principal', `?schoolId=${SCHOOL_A}`],
      ['coordinator', `?municipalityId=71000000-0000-4000-8000-0000000000ff`],
    ];
    const before = (await auditRows()).length;
    for (const [role, query] of refusals) {
      const response = await get(role, query);
      expect([response.statusCode, response.json()], `${role} ${query}`).toEqual([
        403,
        { error: { code: 'forbidden' } },
      ]);
    }
    expect(await auditRows()).toHaveLength(before);
    const other = await read('otherCoordinator');
    expect(other.place).toEqual({ municipalityId: M2, schoolId: null });
    expect(other.figures.breakdowns.all.casesByStatus.total).toBe('fewerThan5');
  });

  it('answers a malformed query 400 bad_request, changing nothing, and no session 401', async () => {
    const before = (await auditRows()).length;
    for (const query of ['?municipalityId=ferizaj', `?schoolId=${SCHOOL_A.toUpperCase()}`, '?school=1', '?schoolId=']) {
      const response = await get('coordinator', query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('bad_request');
    }
    expect((await get(null)).json()).toEqual({ error: { code: 'unauthenticated' } });
    expect(await auditRows()).toHaveLength(before);
  });

  it('audits each read as dashboard_read, with the place, belonging to its municipality', async () => {
    await read('coordinator', `?schoolId=${SCHOOL_A}`);
    const [last] = (await auditRows()).slice(-1);
    expect(last).toMatchObject({ user_id: world.userIds.coordinator, entity: null });
    expect(JSON.parse(last?.detail_json ?? '')).toEqual({ municipalityId: M1, schoolId: SCHOOL_A, suppressed: true });
    const places = await world.db
      .selectFrom('audit_event_municipality')
      .select('municipality_id')
      .where('event_id', '=', Number(last?.id))
      .execute();
    expect(places.map((row) => row.municipality_id)).toEqual([M1]);
  });

  it('answers as its OpenAPI description says: the reply, 400 and 403', async () => {
    const document = (await world.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<JsonObject>();
    const validator = validatorFor(document);
    expectValid(validator.response('/api/dashboard', 'get', 200), (await get('coordinator')).json());
    expectValid(validator.response('/api/dashboard', 'get', 200), (await get('schoolTeam')).json());
    expectValid(validator.response('/api/dashboard', 'get', 400), (await get('coordinator', '?x=1')).json());
    expectValid(validator.response('/api/dashboard', 'get', 403), (await get('mentor')).json());
  });

  it("carries no child's name or id, and no record, in any reply", async () => {
    const bodies = [
      (await get('coordinator')).body,
      (await get('coordinator', `?schoolId=${SCHOOL_B}`)).body,
      (await get('schoolTeam')).body,
      (await get('principal')).body,
    ];
    for (const body of bodies) {
      for (const identifier of world.childIdentifiers) expect(body).not.toContain(identifier);
      expect(body).not.toMatch(/"(studentId|caseId|givenName|familyName|dateOfBirth)"/);
    }
  });

  it('keeps figures until the change log moves, then computes them again', async () => {
    const first = await read('coordinator');
    world.clock.now += 60_000;
    const again = await read('coordinator');
    expect(again.computedAt).toBe(first.computedAt);
    const student = world.input.students[0];
    await world.write('case', '73000000-0000-4000-8300-0000000000ff', {
      studentId: student?.id,
      schoolId: SCHOOL_A,
      trigger: 'absence',
      status: 'flagged',
      caseManagerId: null,
      flaggedAt: AS_OF,
      openedAt: null,
      assessedAt: null,
      planActivatedAt: null,
      monitoringSince: null,
      lastReviewedAt: null,
      closedAt: null,
      closureReason: null,
      reopenCount: 0,
    });
    const after = await read('coordinator');
    expect(after.computedAt).toBe(world.clock.now);
    expect(after.figures.breakdowns.all.casesByStatus.total).toBe(17);
  });
});
