/**
 * `GET /api/dashboard` (docs/openapi.json, readDashboard) as the dashboard
 * screen uses it: a place's figures and the places the user may choose.
 * Online only; the screen keeps each reply as the place's snapshot.
 */
import { DASHBOARD_FIGURES_VERSION } from '../../domain/dashboard/dashboardFigures.ts';
import { DASHBOARD_PATH, type DashboardPlace, type DashboardReply } from '../../domain/dashboard/dashboardReply.ts';
import type { FetchLike } from '../../sync/postSync.ts';

export type DashboardFailure = 'offline' | 'signedOut' | 'forbidden' | 'badRequest' | 'server';

export type DashboardResult = { ok: true; reply: DashboardReply } | { ok: false; reason: DashboardFailure };

/** Computing a municipality's figures can take a few seconds on a busy server. */
const DASHBOARD_TIMEOUT_MS = 30_000;

/** Ids only in the query: request logs keep it. Without a place, the server picks the user's first. */
export function dashboardUrl(baseUrl: string, place: DashboardPlace | null): string {
  const params = new URLSearchParams();
  if (place?.municipalityId) params.set('municipalityId', place.municipalityId);
  if (place?.schoolId) params.set('schoolId', place.schoolId);
  const query = params.toString();
  return `${baseUrl}${DASHBOARD_PATH}${query === '' ? '' : `?${query}`}`;
}

function isReply(value: unknown): value is DashboardReply {
  const reply = value as Partial<DashboardReply> | null;
  return (
    typeof reply === 'object' &&
    reply !== null &&
    typeof reply.computedAt === 'number' &&
    typeof reply.place === 'object' &&
    Array.isArray(reply.places?.municipalities) &&
    reply.figures?.version === DASHBOARD_FIGURES_VERSION
  );
}

/** One place's figures from the server. Never throws. */
export async function fetchDashboard(
  fetchFn: FetchLike,
  baseUrl: string,
  place: DashboardPlace | null,
): Promise<DashboardResult> {
  let response: Response;
  try {
    response = await fetchFn(dashboardUrl(baseUrl, place), {
      method: 'GET',
      credentials: 'same-origin',
      signal: AbortSignal.timeout(DASHBOARD_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (response.status === 200) {
    const body: unknown = await response.json().catch(() => undefined);
    return isReply(body) ? { ok: true, reply: body } : { ok: false, reason: 'server' };
  }
  if (response.status === 401) return { ok: false, reason: 'signedOut' };
  if (response.status === 403) return { ok: false, reason: 'forbidden' };
  if (response.status === 400) return { ok: false, reason: 'badRequest' };
  return { ok: false, reason: 'server' };
}
