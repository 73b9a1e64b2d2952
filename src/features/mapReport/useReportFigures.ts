import { useEffect } from 'react';
import { db } from '../../storage/database.ts';
import { saveDashboardSnapshot } from '../../storage/dashboardSnapshots.ts';
import { useIsOnline } from '../../state/onlineState.ts';
import { APP_SERVER } from '../account/appServer.ts';
import { fetchDashboard } from '../dashboard/dashboardApi.ts';
import { useDashboardFigures, type ShownFigures } from '../dashboard/useDashboardFigures.ts';

/**
 * The municipality's dashboard figures, which answer the plan's automatic
 * indicators: the last ones kept on the phone (so the report prints
 * offline), refreshed from the server once when the page opens online. A
 * failed refresh leaves the kept figures; the report says when they were
 * computed. Undefined while loading; null when the phone has none.
 */
export function useReportFigures(municipalityId: string | null): ShownFigures | null | undefined {
  const online = useIsOnline();
  useEffect(() => {
    if (municipalityId === null || !online) return;
    void fetchDashboard(APP_SERVER.fetch, APP_SERVER.baseUrl, { municipalityId, schoolId: null }).then(
      async (result) => {
        if (result.ok && result.reply.place.municipalityId === municipalityId && result.reply.place.schoolId === null) {
          await saveDashboardSnapshot(db, result.reply, Date.now());
        }
      },
    );
  }, [municipalityId, online]);
  return useDashboardFigures(municipalityId === null ? null : { municipalityId, schoolId: null });
}
