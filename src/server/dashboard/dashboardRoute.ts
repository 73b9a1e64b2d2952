/**
 * `GET /api/dashboard`: the dashboard's figures of one place, for a municipal
 * coordinator (their municipality's aggregates, small counts suppressed) or a
 * school team member or principal (their school's own). Every read is
 * audited as `dashboard_read`, with the place it read.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DASHBOARD_PATH, type DashboardReply } from '../../domain/dashboard/dashboardReply.ts';
import { localIsoDate } from '../../domain/dueDates.ts';
import { idSchema, parseBody } from '../accounts/accountSchemas.ts';
import { recordAudit } from '../audit/auditLog.ts';
import { authenticate, authOf, type AuthDeps } from '../auth/authenticate.ts';
import { errorBody } from '../routes/errorReplies.ts';
import { DashboardFigureCache } from './dashboardFigureCache.ts';
import { hasAnyPlace, loadDashboardPlaces, resolvePlace } from './dashboardPlaces.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Resolves when the dashboard warm-up (createServer's `warmDashboards`) is over, with how many it warmed. */
    dashboardWarmUp: () => Promise<number>;
  }
}

/** Ids only: a query string is logged. */
export const dashboardQuerySchema = z.strictObject({
  municipalityId: idSchema.optional(),
  schoolId: idSchema.optional(),
});

/**
 * `warm`: compute the municipalities' figures once the server is ready, in the
 * background, so the first coordinator's read after a restart is not the slow
 * one (docs/dashboard.md). The production server does; tests opt in.
 */
export function registerDashboardRoutes(app: FastifyInstance, deps: AuthDeps, options: { warm?: boolean } = {}): void {
  const cache = new DashboardFigureCache();
  // How the warm-up went: the number of municipalities warmed, once done (0 when off or failed).
  let warmUp: Promise<number> = Promise.resolve(0);
  app.decorate('dashboardWarmUp', () => warmUp);
  if (options.warm === true) {
    let closing = false;
    app.addHook('onClose', (_instance, done) => {
      closing = true;
      done();
    });
    app.addHook('onReady', (done) => {
      const now = deps.now();
      warmUp = cache
        .warm(deps.db, localIsoDate(new Date(now)), now, () => closing)
        .catch((error: unknown) => {
          // A database closed under it while the server stopped is expected; anything else is worth a line.
          if (!closing) app.log.warn({ err: error }, 'warming the dashboard figures failed');
          return 0;
        });
      done();
    });
  }
  app.get(DASHBOARD_PATH, { onRequest: authenticate(deps) }, async (request, reply) => {
    const { userId, clientId } = authOf(request);
    const places = await loadDashboardPlaces(deps.db, userId);
    if (!hasAnyPlace(places)) return reply.code(403).send(errorBody('forbidden'));
    const parsed = parseBody(dashboardQuerySchema, request.query);
    if (!parsed.ok) return reply.code(400).send(parsed.body);
    const place = resolvePlace(places, parsed.data);
    if (place === null) return reply.code(403).send(errorBody('forbidden'));

    const now = deps.now();
    const asOf = localIsoDate(new Date(now));
    const { computedAt, figures } =
      place.municipalityId === null
        ? await cache.school(deps.db, place.schoolId ?? '', asOf, now)
        : await cache.municipality(deps.db, place.municipalityId, place.schoolId, asOf, now);
    await recordAudit(deps.db, now, [
      {
        userId,
        clientId,
        action: 'dashboard_read',
        detail: { municipalityId: place.municipalityId, schoolId: place.schoolId, suppressed: figures.suppressed },
      },
    ]);
    const body: DashboardReply = { places, place, computedAt, figures };
    return body;
  });
}
