/**
 * The demo accounts (seeded with the demo data): one per kind of user, each
 * signing in with the published password and seeing what its role sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classKeyOf } from '../../../src/domain/accessScope.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoLogin } from '../../../src/server/seed/demoAccounts.ts';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { DEMO_STUDENTS } from '../../../src/server/seed/demoStudents.ts';
import type { SessionInfo } from '../../../src/sync/protocol.ts';
import { newId } from '../../support/serverFixtures.ts';
import { postSignIn, startAccountServer, type AccountTestServer } from '../../support/testAccounts.ts';

describe('the demo accounts', () => {
  let server: AccountTestServer;
  const sessions = new Map<DemoLogin, SessionInfo>();
  beforeAll(async () => {
    server = await startAccountServer();
    for (const { login } of DEMO_ACCOUNTS) {
      const response = await postSignIn(server.app, { login, password: DEMO_PASSWORD, clientId: newId() });
      expect(response.statusCode, login).toBe(200);
      sessions.set(login, response.json<SessionInfo>());
    }
  });
  afterAll(async () => {
    await server.cleanup();
  });

  const scopeOf = (login: DemoLogin) => sessions.get(login)?.scope;

  it('are the five the start-up message names', () => {
    expect(DEMO_ACCOUNTS.map((account) => account.login)).toEqual([
      'team',
      'mentor',
      'teacher',
      'coordinator',
      'admin',
    ]);
    expect(sessions.get('team')?.user.displayName).toBe('Demo school team');
  });

  it('give the school team every demo school', () => {
    expect(scopeOf('team')).toMatchObject({ roles: ['schoolTeam'] });
    expect(scopeOf('team')?.schoolIds).toEqual(Object.values(DEMO_SCHOOL_IDS).sort());
  });

  it('give the mentor every demo case and its student, and no school', async () => {
    const cases = await server.db
      .selectFrom('entity_field')
      .select('entity_id')
      .where('entity', '=', 'case')
      .where('field', '=', 'studentId')
      .execute();
    expect(cases.length).toBeGreaterThan(0);
    expect(scopeOf('mentor')).toMatchObject({ roles: ['mentor'], schoolIds: [] });
    expect(scopeOf('mentor')?.caseIds).toEqual(cases.map((row) => row.entity_id).sort());
    expect(scopeOf('mentor')?.studentIds.length).toBeGreaterThan(0);
  });

  it("make the teacher the homeroom teacher of the first demo student's class", () => {
    const [first] = DEMO_STUDENTS;
    expect(scopeOf('teacher')).toMatchObject({
      roles: ['teacher'],
      classes: [
        {
          schoolId: first?.fields.schoolId,
          classKey: classKeyOf(first?.fields.grade ?? 0, first?.fields.className ?? ''),
        },
      ],
    });
  });

  it('make the coordinator a coordinator in Ferizaj and the administrator an administrator, without child data', () => {
    expect(scopeOf('coordinator')).toMatchObject({ roles: ['coordinator'], schoolIds: [], classes: [] });
    expect(scopeOf('admin')).toMatchObject({
      roles: ['admin'],
      schoolIds: [],
      classes: [],
      caseIds: [],
      studentIds: [],
    });
    expect(sessions.get('coordinator')?.user.organisationId).not.toBeNull();
  });
});
