import type { DashboardFigures } from '../../domain/dashboard/dashboardFigures.ts';
import { db } from '../../storage/database.ts';
import { loadDashboardSnapshot } from '../../storage/dashboardSnapshots.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';

export interface KeptFigures {
  figures: DashboardFigures;
  /** Epoch ms when the server computed them. */
  computedAt: number;
}

/**
 * The municipality's last dashboard figures kept on the phone (the whole
 * municipality, as the dashboard stores them after an online visit): what the
 * automatic indicators read. Live, so a dashboard visit updates the plan at
 * once. Undefined while loading, null when the phone holds none.
 */
export function useMunicipalityFigures(municipalityId: string): KeptFigures | null | undefined {
  const loaded = useLiveQuery(async () => {
    const reply = await loadDashboardSnapshot(db, { municipalityId, schoolId: null });
    return {
      municipalityId,
      kept: reply === undefined ? null : { figures: reply.figures, computedAt: reply.computedAt },
    };
  }, [municipalityId]);
  return loaded?.municipalityId === municipalityId ? loaded.kept : undefined;
}
