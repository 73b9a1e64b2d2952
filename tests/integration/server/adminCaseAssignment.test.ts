/**
 * Giving a case to someone (a CSO mentor): `PUT`/`DELETE
 * /api/cases/:caseId/assignees/:userId`, allowed to the school team and
 * principal of the case's school only. The assignee's scope follows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { loadAccessScope } from '../../../src/server/sync/accessScopeStore.ts';
import type { ErrorResponse } from '../../../src/sync/protocol.ts';
import { countRows, newId } from '../../support/serverFixtures.ts';
import {
  createTestAccount,
  openTestSession,
  startAccountServer,
  type AccountTestServer,
} from '../../support/testAccounts.ts';

describe('case assignment', () => {
  let server: AccountTestServer;
  let caseId: string;
  let caseSchool: string;
  let mentorId: string;
  let mentor: string;
  let team: string;
  let teamId: string;
  let otherTeam: string;
  beforeEach(async () => {
    server = await startAccountServer();
    const stored = await server.db
      .selectFrom('entity_field')
      .select(['entity_id', 'value_json'])
      .where('entity', '=', 'case')
      .where('field', '=', 'schoolId')
      .orderBy('entity_id')
      .executeTakeFirstOrThrow();
    caseId = stored.entity_id;
    caseSchool = JSON.parse(stored.value_json) as string;
    const elsewhere = Object.values(DEMO_SCHOOL_IDS).find((school) => school !== caseSchool) ?? '';
    const signIn = async (login: string, roles: Parameters<typeof createTestAccount>[1]['roles']) => {
      const { userId } = await createTestAccount(server.db, { login, roles });
      return { userId, cookie: await openTestSession(server.db, userId, newId(), server.clock.now) };
    };
    ({ userId: mentorId, cookie: mentor } = await signIn('arta.mentor', [{ role: 'mentor' }]));
    ({ userId: teamId, cookie: team } = await signIn('school.team', [{ role: 'schoolTeam', schoolId: caseSchool }]));
    ({ cookie: otherTeam } = await signIn('other.team', [{ role: 'schoolTeam', schoolId: elsewhere }]));
  });
  afterEach(async () => {
    await server.cleanup();
  });

  const assignee = (method: 'PUT' | 'DELETE', cookie: string, target = mentorId, onCase = caseId) =>
    server.app.inject({ method, url: `/api/cases/${onCase}/assignees/${target}`, headers: { cookie } });

  async function expectRefused(send: () => ReturnType<typeof assignee>, status: number, code: string) {
    const before = await countRows(server.db);
    const response = await send();
    expect([response.statusCode, response.json<ErrorResponse>().error.code]).toEqual([status, code]);
    expect(await countRows(server.db)).toEqual(before);
  }

  it("lets the case's school team give it to a mentor and take it back; the mentor's scope follows", async () => {
    expect((await loadAccessScope(server.db, mentorId)).caseIds).not.toContain(caseId);
    expect((await assignee('PUT', team)).statusCode).toBe(204);
    const rows = await server.db.selectFrom('case_assignment').selectAll().where('user_id', '=', mentorId).execute();
    expect(rows).toEqual([{ case_id: caseId, user_id: mentorId, assigned_at: server.clock.now, assigned_by: teamId }]);
    expect((await loadAccessScope(server.db, mentorId)).caseIds).toEqual([caseId]);
    // Again: nothing more happens.
    expect((await assignee('PUT', team)).statusCode).toBe(204);

    expect((await assignee('DELETE', team)).statusCode).toBe(204);
    expect((await loadAccessScope(server.db, mentorId)).caseIds).toEqual([]);
    expect((await assignee('DELETE', team)).statusCode).toBe(204);
    const audit = await server.db
      .selectFrom('audit_event')
      .select(['action', 'user_id', 'entity', 'entity_id', 'detail_json'])
      .where('action', 'in', ['case_assigned', 'case_unassigned'])
      .where('user_id', '=', teamId)
      .orderBy('id')
      .execute();
    const detail = JSON.stringify({ assigneeId: mentorId });
    expect(audit).toEqual([
      { action: 'case_assigned', user_id: teamId, entity: 'case', entity_id: caseId, detail_json: detail },
      { action: 'case_unassigned', user_id: teamId, entity: 'case', entity_id: caseId, detail_json: detail },
    ]);
  });

  it("lets the school's principal do it too", async () => {
    const { userId } = await createTestAccount(server.db, { roles: [{ role: 'principal', schoolId: caseSchool }] });
    const principal = await openTestSession(server.db, userId, newId(), server.clock.now);
    expect((await assignee('PUT', principal)).statusCode).toBe(204);
  });

  it("refuses another school's team, the mentor, an administrator and no session, changing nothing", async () => {
    const { userId } = await createTestAccount(server.db, { roles: [{ role: 'admin' }] });
    const admin = await openTestSession(server.db, userId, newId(), server.clock.now);
    for (const cookie of [otherTeam, mentor, admin]) {
      await expectRefused(() => assignee('PUT', cookie), 403, 'forbidden');
    }
    await expectRefused(
      () => server.app.inject({ method: 'PUT', url: `/api/cases/${caseId}/assignees/${mentorId}` }),
      401,
      'unauthenticated',
    );
    await assignee('PUT', team);
    await expectRefused(() => assignee('DELETE', otherTeam), 403, 'forbidden');
  });

  it('answers an unknown case like a case of another school, and an unknown person with 404', async () => {
    await expectRefused(() => assignee('PUT', team, mentorId, newId()), 403, 'forbidden');
    await expectRefused(() => assignee('PUT', team, mentorId, 'not-an-id'), 403, 'forbidden');
    await expectRefused(() => assignee('PUT', team, newId()), 404, 'not_found');
  });

  it('gives a case to a CSO mentor only: not to an administrator or a teacher, who must not see the file', async () => {
    const { userId: adminId } = await createTestAccount(server.db, { login: 'an.admin', roles: [{ role: 'admin' }] });
    await expectRefused(() => assignee('PUT', team, adminId), 404, 'not_found');
    await expectRefused(() => assignee('PUT', team, teamId), 404, 'not_found');
    expect((await loadAccessScope(server.db, adminId)).caseIds).toEqual([]);
  });

  it('takes assigned cases out of the scope of someone who is no longer a mentor', async () => {
    await assignee('PUT', team);
    expect((await loadAccessScope(server.db, mentorId)).caseIds).toContain(caseId);
    await server.db.deleteFrom('role_assignment').where('user_id', '=', mentorId).execute();
    expect((await loadAccessScope(server.db, mentorId)).caseIds).toEqual([]);
  });
});
