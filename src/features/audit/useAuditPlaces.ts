import { useMemo } from 'react';
import { displayName, type Language } from '../../domain/localizedName.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import type { AuditEvent } from './auditApi.ts';

export interface AuditPlaces {
  /** A school's or municipality's name in the interface language; undefined for one not on the phone. */
  placeName: (id: string) => string | undefined;
  /** Whether the case is on this phone, so its event can link to it. */
  caseOnPhone: (caseId: string) => boolean;
}

/**
 * Names for the ids the trail holds, from what the phone already has: every
 * signed-in person receives the schools and municipalities, and a case link
 * appears only for a case this person's own scope brought to the phone.
 */
export function useAuditPlaces(events: readonly AuditEvent[], language: Language): AuditPlaces {
  const caseIds = useMemo(
    () => [...new Set(events.flatMap((event) => (event.entity === 'case' && event.entityId ? [event.entityId] : [])))],
    [events],
  );
  const places = useLiveQuery(async () => {
    const [schools, municipalities] = await Promise.all([db.schools.toArray(), db.municipalities.toArray()]);
    return new Map([...schools, ...municipalities].map((place) => [place.id, place.name]));
  }, []);
  const cases = useLiveQuery(
    async () => new Set(caseIds.length === 0 ? [] : await db.cases.where('id').anyOf(caseIds).primaryKeys()),
    [caseIds],
  );
  return useMemo(
    () => ({
      placeName: (id) => {
        const name = places?.get(id);
        return name === undefined ? undefined : displayName(name, language);
      },
      caseOnPhone: (caseId) => cases?.has(caseId) ?? false,
    }),
    [places, cases, language],
  );
}
