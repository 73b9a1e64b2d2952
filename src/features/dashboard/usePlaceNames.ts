import { useCallback } from 'react';
import type { LocalizedName } from '../../domain/localizedName.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';

/** The names of every school and municipality on the phone (everyone signed in receives them), by id. */
export function usePlaceNames(): (id: string) => LocalizedName | undefined {
  const names = useLiveQuery(async () => {
    const [schools, municipalities] = await Promise.all([db.schools.toArray(), db.municipalities.toArray()]);
    return new Map([...schools, ...municipalities].map((place) => [place.id, place.name]));
  }, []);
  return useCallback((id: string) => names?.get(id), [names]);
}
