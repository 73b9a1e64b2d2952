import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccessScope } from '../../domain/accessScope.ts';
import type { DashboardPlace, DashboardPlaces } from '../../domain/dashboard/dashboardReply.ts';
import { db } from '../../storage/database.ts';
import { latestDashboardSnapshot, saveDashboardSnapshot, snapshotKey } from '../../storage/dashboardSnapshots.ts';
import { useIsOnline } from '../../state/onlineState.ts';
import { APP_SERVER } from '../account/appServer.ts';
import { fetchDashboard, type DashboardFailure } from './dashboardApi.ts';

export interface DashboardPlaceState {
  /** Every place the user may choose: a coordinator's municipalities (from the server) and their own schools. */
  places: DashboardPlaces;
  /** The place shown; null until one is known (a coordinator's first reply, or the last snapshot offline). */
  place: DashboardPlace | null;
  choose: (place: DashboardPlace) => void;
  /** True while the server is asked for the place's figures. */
  fetching: boolean;
  failure: DashboardFailure | null;
  online: boolean;
  retry: () => void;
}

/** The schools whose every record the user sees, whose figures this phone computes itself. */
export function ownSchools(scope: AccessScope): string[] {
  return scope.roles.some((role) => role === 'schoolTeam' || role === 'principal') ? scope.schoolIds : [];
}

/**
 * Which place the dashboard shows, and the server's figures for a
 * coordinator's places: fetched whenever the place changes while online and
 * kept on the phone as that place's snapshot (the screen reads the snapshot,
 * so offline it shows the last figures). A school team's own schools need
 * no server: the phone computes their figures.
 */
export function useDashboardPlace(scope: AccessScope): DashboardPlaceState {
  const online = useIsOnline();
  const coordinator = scope.roles.includes('coordinator');
  const schools = ownSchools(scope);
  const firstOwn = schools[0];
  const [serverPlaces, setServerPlaces] = useState<DashboardPlaces | null>(null);
  const [place, setPlace] = useState<DashboardPlace | null>(
    coordinator || firstOwn === undefined ? null : { municipalityId: null, schoolId: firstOwn },
  );
  const [fetching, setFetching] = useState(false);
  const [failure, setFailure] = useState<DashboardFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  // A reply to a place the user has since left must not land on screen.
  const generation = useRef(0);
  // The place the first reply chose (a coordinator's default) is fetched already: choosing it must not ask again.
  const answered = useRef<string | null>(null);

  useEffect(() => {
    if (!coordinator) return;
    let current = true;
    void latestDashboardSnapshot(db).then((latest) => {
      if (!current || latest === undefined) return;
      setServerPlaces((known) => known ?? latest.places);
      setPlace((chosen) => chosen ?? latest.place);
    });
    return () => {
      current = false;
    };
  }, [coordinator]);

  const asksServer = coordinator && (place === null || place.municipalityId !== null);
  const municipalityId = place?.municipalityId ?? null;
  const schoolId = place?.schoolId ?? null;
  useEffect(() => {
    if (!asksServer || !online) return;
    const asked = municipalityId === null ? null : { municipalityId, schoolId };
    if (asked !== null && answered.current === `${snapshotKey(asked)}|${attempt}`) return;
    const mine = ++generation.current;
    setFetching(true);
    setFailure(null);
    void fetchDashboard(APP_SERVER.fetch, APP_SERVER.baseUrl, asked).then(async (result) => {
      if (result.ok) await saveDashboardSnapshot(db, result.reply, Date.now());
      if (mine !== generation.current) return;
      setFetching(false);
      if (!result.ok) {
        setFailure(result.reason);
        return;
      }
      answered.current = `${snapshotKey(result.reply.place)}|${attempt}`;
      setServerPlaces(result.reply.places);
      setPlace((chosen) => chosen ?? result.reply.place);
    });
  }, [asksServer, online, municipalityId, schoolId, attempt]);

  const choose = useCallback((next: DashboardPlace) => {
    setFailure(null);
    setPlace(next);
  }, []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const places: DashboardPlaces = {
    municipalities: serverPlaces?.municipalities ?? [],
    schoolIds: [...new Set([...(serverPlaces?.schoolIds ?? []), ...schools])],
  };
  return { places, place, choose, fetching: fetching && asksServer && online, failure, online, retry };
}
