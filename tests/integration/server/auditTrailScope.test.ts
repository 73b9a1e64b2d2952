/**
 * Who reads which part of the audit trail (docs/accounts.md, "Audit"): an
 * administrator all of it, a municipal coordinator only the events of their
 * municipality — by the person who acted, or the case, student, school or
 * person the event is about — whatever filters they send.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as placesMigration from '../../../src/server/database/migrations/1795449600000_audit_event_municipality.ts';
import { buildAuditWorld, FERIZAJ, type AuditEventReply, type AuditWorld } from '../../support/auditWorld.ts';

const ALL = '?limit=1000';

/** Seeding, two syncs, administration requests and a scrypt sign-in: slow on a busy machine. */
const WORLD_TIMEOUT = 60_000;

describe('the audit trail by municipality', () => {
  let world: AuditWorld;
  beforeAll(async () => {
    world = await buildAuditWorld();
  }, WORLD_TIMEOUT);
  afterAll(async () => {
    await world?.server.cleanup();
  });

  const actedBy = (events: readonly AuditEventReply[], userId: string) =>
    events.filter((event) => event.userId === userId);
  const about = (events: readonly AuditEventReply[], entityId: string) =>
    events.filter((event) => event.entityId === entityId);

  it('shows an administrator every event, those of no municipality included', async () => {
    const page = await world.readPage(ALL, world.cookies.admin);
    const stored = await world.server.db.selectFrom('audit_event').select('id').orderBy('id', 'desc').execute();
    expect(page.events.map((event) => event.id)).toEqual(stored.map((row) => Number(row.id)));
    expect(page.hasMore).toBe(false);
    expect(page.events.some((event) => event.action === 'sign_in_failed' && event.userId === null)).toBe(true);
  });

  it("shows Ferizaj's coordinator what happened in Ferizaj, and nothing of Prizren's", async () => {
    const { events } = await world.readPage(ALL, world.cookies.ferizajCoordinator);
    const { users, cases } = world;
    expect(about(events, cases.ferizaj).map((event) => [event.action, event.userId])).toEqual([
      ['case_read', users.ferizajTeam],
    ]);
    expect(actedBy(events, users.prizrenTeam)).toEqual([]);
    expect(about(events, cases.prizren)).toEqual([]);
    expect(about(events, world.prizrenStudent)).toEqual([]);
    expect(events.some((event) => event.userId === null && event.action === 'sign_in_failed')).toBe(false);
    // The Prizren member's role at a Ferizaj school belongs to Ferizaj too, while held and once taken away.
    expect(about(events, users.prizrenTeam).map((event) => event.action)).toEqual(['role_revoked', 'role_granted']);
    const ids = events.map((event) => event.id);
    const placed = await world.server.db
      .selectFrom('audit_event_municipality')
      .select('event_id')
      .where('municipality_id', '=', FERIZAJ)
      .execute();
    expect(new Set(ids)).toEqual(new Set(placed.map((row) => Number(row.event_id))));
  });

  it("shows Prizren's coordinator the Prizren member's work, and nothing of Ferizaj's", async () => {
    const { events } = await world.readPage(ALL, world.cookies.prizrenCoordinator);
    const { users, cases } = world;
    expect(actedBy(events, users.prizrenTeam).map((event) => event.action)).toEqual(
      expect.arrayContaining(['case_write', 'case_read']),
    );
    expect(about(events, world.prizrenStudent).map((event) => event.action)).toContain('case_write');
    expect(about(events, cases.prizren).map((event) => event.userId)).toEqual([users.prizrenTeam]);
    expect(actedBy(events, users.ferizajTeam)).toEqual([]);
    expect(about(events, cases.ferizaj)).toEqual([]);
  });

  it('keeps a coordinator inside their municipality whatever the filters name', async () => {
    const { users, cases, cookies } = world;
    const forged = [
      `?userId=${users.prizrenTeam}&action=case_write`,
      `?userId=${users.prizrenTeam}&action=case_read`,
      `?caseId=${cases.prizren}`,
      `?action=sign_in_failed`,
      `?before=999999999&userId=${users.prizrenTeam}&action=case_write`,
    ];
    for (const query of forged) {
      expect((await world.readPage(query, cookies.ferizajCoordinator)).events, query).toEqual([]);
    }
    // The same filters do find those events for whoever may see them.
    expect((await world.readPage(`?caseId=${cases.prizren}`, cookies.prizrenCoordinator)).events).not.toEqual([]);
    expect((await world.readPage('?action=sign_in_failed', cookies.admin)).events).not.toEqual([]);
  });

  it('names the people a page names, and only those', async () => {
    const page = await world.readPage(`?userId=${world.users.ferizajTeam}`, world.cookies.ferizajCoordinator);
    expect(page.events.length).toBeGreaterThan(0);
    expect(page.people).toEqual({ [world.users.ferizajTeam]: 'Drita Krasniqi' });
    const roles = await world.readPage('?action=role_granted&limit=1', world.cookies.ferizajCoordinator);
    expect(roles.people).toEqual({
      [world.users.admin]: 'Arta Administrator',
      [world.users.prizrenTeam]: 'Besnik Morina',
    });
  });

  it('places the events stored before the migration by where people and records belong now', async () => {
    const db = world.server.db as unknown as Kysely<unknown>;
    const before = await world.readPage(ALL, world.cookies.ferizajCoordinator);
    await placesMigration.down(db);
    await placesMigration.up(db);
    const after = await world.readPage(ALL, world.cookies.ferizajCoordinator);
    expect(after.events).toEqual(expect.arrayContaining(before.events));
    // Only the setting up of accounts made before their first role or case gains: it is placed by those now.
    const known = new Set(before.events.map((event) => event.id));
    const gained = after.events.filter((event) => !known.has(event.id));
    expect(gained.length).toBeGreaterThan(0);
    for (const event of gained) {
      expect(['user_created', 'invitation_created', 'role_granted']).toContain(event.action);
      expect(event.entity).toBe('user');
    }
    expect(actedBy(after.events, world.users.prizrenTeam)).toEqual([]);
    expect(about(after.events, world.cases.prizren)).toEqual([]);
  });
});
