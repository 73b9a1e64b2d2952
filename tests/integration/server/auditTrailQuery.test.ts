/**
 * The audit trail's filters and pages (GET /api/audit): each filter narrows
 * to what it names, pages follow each other without gaps, and a malformed
 * query is refused with 400 bad_request naming the parameter, never its value.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../../src/sync/protocol.ts';
import { buildAuditWorld, HOUR, type AuditEventReply, type AuditWorld } from '../../support/auditWorld.ts';
import { createTestAccount, openTestSession, startAccountServer } from '../../support/testAccounts.ts';
import { newId } from '../../support/serverFixtures.ts';

/** Seeding, two syncs, administration requests and a scrypt sign-in: slow on a busy machine. */
const WORLD_TIMEOUT = 60_000;

describe('audit trail filters and pages', () => {
  let world: AuditWorld;
  let everything: AuditEventReply[];
  beforeAll(async () => {
    world = await buildAuditWorld();
    everything = (await world.readPage('?limit=1000', world.cookies.admin)).events;
  }, WORLD_TIMEOUT);
  afterAll(async () => {
    await world?.server.cleanup();
  });

  const admin = (query: string) => world.readPage(query, world.cookies.admin);

  it('narrows to one kind of event, one person, one case, or a time range', async () => {
    const writes = (await admin('?action=case_write')).events;
    expect(writes).toEqual(everything.filter((event) => event.action === 'case_write'));
    expect(writes.length).toBeGreaterThan(0);

    const byTeam = (await admin(`?userId=${world.users.ferizajTeam}&limit=1000`)).events;
    expect(byTeam).toEqual(everything.filter((event) => event.userId === world.users.ferizajTeam));
    expect(byTeam.length).toBeGreaterThan(0);

    const aboutCase = (await admin(`?caseId=${world.cases.prizren}`)).events;
    expect(aboutCase.map((event) => [event.entity, event.entityId])).toEqual([['case', world.cases.prizren]]);

    const { roles, unknownLogin } = world.times;
    const inHour = (await admin(`?from=${roles}&to=${unknownLogin}&limit=1000`)).events;
    expect(inHour.map((event) => event.action).sort()).toEqual(['role_granted', 'role_revoked']);
    expect((await admin(`?from=${unknownLogin + 1}`)).events).toEqual([]);
    const both = (await admin(`?action=case_read&userId=${world.users.prizrenTeam}&from=${world.times.syncs}`)).events;
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((event) => event.action === 'case_read' && event.userId === world.users.prizrenTeam)).toBe(true);
  });

  it('pages newest first with `before`, saying while older events remain', async () => {
    const seen: AuditEventReply[] = [];
    let query = '?limit=7';
    for (let page = 0; page < 100; page += 1) {
      const reply = await admin(query);
      seen.push(...reply.events);
      const last = reply.events.at(-1);
      if (!reply.hasMore || last === undefined) break;
      expect(reply.events).toHaveLength(7);
      query = `?limit=7&before=${last.id}`;
    }
    expect(seen).toEqual(everything);
    const lastPage = await admin(`?limit=7&before=${everything.at(-1)!.id}`);
    expect(lastPage).toEqual({ events: [], hasMore: false, people: {}, organisations: {} });
  });

  it('refuses a malformed query with 400 bad_request, naming the parameter only', async () => {
    const cases: [string, string][] = [
      ['?action=deleted_everything', 'action'],
      ['?action=sign_in&action=sign_out', 'action'],
      ['?userId=Drita%20Krasniqi', 'userId'],
      ['?caseId=1234', 'caseId'],
      ['?from=yesterday', 'from'],
      ['?from=-5', 'from'],
      [`?from=${HOUR * 2}&to=${HOUR}`, 'to'],
      [`?from=${HOUR}&to=${HOUR}`, 'to'],
      ['?limit=0', 'limit'],
      ['?limit=1001', 'limit'],
      ['?school=1', ''],
    ];
    for (const [query, path] of cases) {
      for (const cookie of [world.cookies.admin, world.cookies.ferizajCoordinator]) {
        const reply = await world.read(query, cookie);
        expect(reply.statusCode, query).toBe(400);
        const body = reply.json<ErrorResponse>();
        expect(body.error.code).toBe('bad_request');
        expect(body.error.issues?.map((issue) => issue.path)).toEqual([path]);
        expect(reply.body).not.toContain('Drita');
      }
    }
  });

  it('refuses anyone who is neither an administrator nor a coordinator', async () => {
    const reply = await world.read('', world.cookies.ferizajTeam);
    expect(reply.statusCode).toBe(403);
    expect(reply.json<ErrorResponse>().error.code).toBe('forbidden');
  });
});

describe('audit trail request logs', () => {
  it('log the ids a query names, never the names its reply carries', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const server = await startAccountServer({ logStream });
    try {
      const { userId } = await createTestAccount(server.db, {
        displayName: 'Valbona Hoxha',
        roles: [{ role: 'admin' }],
      });
      const cookie = await openTestSession(server.db, userId, newId(), server.clock.now);
      // The newest event is the grant that made them an administrator: the page names them.
      const url = '/api/audit?limit=1&action=role_granted';
      const reply = await server.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(reply.statusCode).toBe(200);
      expect(reply.json<{ people: Record<string, string> }>().people[userId]).toBe('Valbona Hoxha');
      expect(lines.join('')).toContain(url);
      expect(lines.join('')).not.toContain('Valbona');
    } finally {
      await server.cleanup();
    }
  });
});
