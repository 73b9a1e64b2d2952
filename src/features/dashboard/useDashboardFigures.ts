import { computeDashboard } from '../../domain/dashboard/computeDashboard.ts';
import type { DashboardFigures } from '../../domain/dashboard/dashboardFigures.ts';
import type { DashboardPlace } from '../../domain/dashboard/dashboardReply.ts';
import { localIsoDate } from '../../domain/dueDates.ts';
import { db } from '../../storage/database.ts';
import { loadDashboardSnapshot, loadSchoolDashboardInput } from '../../storage/dashboardSnapshots.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';

export interface ShownFigures {
  figures: DashboardFigures;
  computedAt: number;
  /** `server`: the server's aggregates (a snapshot); `device`: computed here from the records on the phone. */
  source: 'server' | 'device';
}

/**
 * The figures of the place: a coordinator's from the snapshot the server's
 * last reply left (live, so a new reply shows at once), a school's own
 * computed on the phone from its records (live, so a change made or pulled
 * here shows at once). Undefined while loading; null when there are none.
 */
export function useDashboardFigures(place: DashboardPlace | null): ShownFigures | null | undefined {
  const municipalityId = place?.municipalityId ?? null;
  const schoolId = place?.schoolId ?? null;
  return useLiveQuery(async (): Promise<ShownFigures | null> => {
    if (municipalityId !== null) {
      const snapshot = await loadDashboardSnapshot(db, { municipalityId, schoolId });
      return snapshot === undefined
        ? null
        : { figures: snapshot.figures, computedAt: snapshot.computedAt, source: 'server' };
    }
    if (schoolId === null) return null;
    const computedAt = Date.now();
    const input = await loadSchoolDashboardInput(db, [schoolId], localIsoDate(new Date(computedAt)));
    return { figures: computeDashboard(input), computedAt, source: 'device' };
  }, [municipalityId, schoolId]);
}
