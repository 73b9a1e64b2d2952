import { db } from '../../storage/database.ts';
import { mapPlanContents, type MapPlanContents } from '../../storage/mapQueries.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import type { MunicipalityRecord } from '../../storage/UraDatabase.ts';

export interface MapReportData {
  contents: MapPlanContents;
  /** The plan's municipality; undefined until the places have synced. */
  municipality: MunicipalityRecord | undefined;
}

/**
 * The plan and everything under it, with its municipality, live: a progress
 * report pulled while the page is open shows at once. Undefined while
 * loading; null when the plan is not on this device.
 */
export function useMapReportData(planId: string): MapReportData | null | undefined {
  return useLiveQuery(async (): Promise<MapReportData | null> => {
    const contents = await mapPlanContents(db, planId);
    if (contents === undefined) return null;
    const municipality = await db.municipalities.get(contents.plan.municipalityId);
    return { contents, municipality };
  }, [planId]);
}
