/**
 * A server computes the municipalities' dashboard figures when it starts
 * (dashboardFigureCache.ts `warm`), so the first coordinator's read is not
 * the one that reads everything; and two reads of the same place at once
 * read the records once. SQLite here, PostgreSQL in `server-postgres`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardReply } from '../../../src/domain/dashboard/dashboardReply.ts';
import { createServer } from '../../../src/server/createServer.ts';
import { DashboardFigureCache } from '../../../src/server/dashboard/dashboardFigureCache.ts';
import { AS_OF, buildDashboardWorld, M1, SCHOOL_A, type DashboardWorld } from '../../support/dashboardWorld.ts';

const WORLD_TIMEOUT = 60_000;

describe('dashboard figures computed before they are asked for', () => {
  let world: DashboardWorld;
  beforeAll(async () => {
    world = await buildDashboardWorld();
  }, WORLD_TIMEOUT);
  afterAll(async () => {
    await world?.cleanup();
  });

  it('warms every municipality with schools, and the first read answers the warmed figures', async () => {
    const cache = new DashboardFigureCache();
    expect(await cache.warm(world.db, AS_OF, 1)).toBeGreaterThanOrEqual(1);
    const first = await cache.municipality(world.db, M1, null, AS_OF, 2);
    const school = await cache.municipality(world.db, M1, SCHOOL_A, AS_OF, 2);
    // Computed at the warm-up (time 1), not at the read (time 2): nothing was read again.
    expect(first.computedAt).toBe(1);
    expect(school.computedAt).toBe(1);
    const fresh = new DashboardFigureCache();
    expect(first.figures).toEqual((await fresh.municipality(world.db, M1, null, AS_OF, 3)).figures);
    expect(school.figures).toEqual((await fresh.municipality(world.db, M1, SCHOOL_A, AS_OF, 3)).figures);
  });

  it('stops before the next municipality when told to (a server closing)', async () => {
    const cache = new DashboardFigureCache();
    expect(await cache.warm(world.db, AS_OF, 1, () => true)).toBe(0);
    expect((await cache.municipality(world.db, M1, null, AS_OF, 2)).computedAt).toBe(2);
  });

  it('lets a second read of the same place wait for the first instead of reading everything again', async () => {
    const cache = new DashboardFigureCache();
    const [first, second] = await Promise.all([
      cache.municipality(world.db, M1, null, AS_OF, 2),
      cache.municipality(world.db, M1, null, AS_OF, 5),
    ]);
    expect(first.computedAt).toBe(2);
    expect(second.computedAt).toBe(2);
  });

  it('is what a server started with warmDashboards does once ready; the first read answers from it', async () => {
    expect(await world.app.dashboardWarmUp()).toBe(0);
    const startedAt = world.clock.now;
    const app = await createServer({ db: world.db, now: () => world.clock.now, warmDashboards: true });
    try {
      await app.ready();
      expect(await app.dashboardWarmUp()).toBeGreaterThanOrEqual(1);
      world.clock.now = startedAt + 60_000;
      const response = await app.inject({
        method: 'GET',
        url: '/api/dashboard',
        headers: { cookie: world.cookies.coordinator },
      });
      expect(response.statusCode, response.body).toBe(200);
      // Computed when the server became ready, not when the coordinator asked a minute later.
      expect(response.json<DashboardReply>().computedAt).toBe(startedAt);
    } finally {
      world.clock.now = startedAt;
      await app.close();
    }
  });
});
