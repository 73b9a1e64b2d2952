import type { DashboardFigures } from './dashboardFigures.ts';

/** The path of the dashboard's figures on the server (docs/openapi.json, readDashboard). */
export const DASHBOARD_PATH = '/api/dashboard';

/** The places a user may choose on the dashboard; ids only (the phone holds every place's name). */
export interface DashboardPlaces {
  /** Municipalities whose aggregates the user reads (a coordinator's), each with its schools. */
  municipalities: { id: string; schoolIds: string[] }[];
  /** Schools whose every record the user sees (school team, principal): their figures are not suppressed. */
  schoolIds: string[];
}

/**
 * Which figures a reply holds: a municipality's aggregates (optionally one of
 * its schools) for a coordinator, or a school's own for its school team.
 */
export interface DashboardPlace {
  /** Set for a coordinator's figures; null for a school team's own school. */
  municipalityId: string | null;
  /** The school the figures are limited to; null for the whole municipality. */
  schoolId: string | null;
}

/** The reply to `GET /api/dashboard`. */
export interface DashboardReply {
  places: DashboardPlaces;
  place: DashboardPlace;
  /** Epoch ms when the figures were computed (a reply from the server's cache keeps the first time). */
  computedAt: number;
  figures: DashboardFigures;
}

/** The same place, whichever way it was reached. */
export function samePlace(a: DashboardPlace, b: DashboardPlace): boolean {
  return a.municipalityId === b.municipalityId && a.schoolId === b.schoolId;
}
