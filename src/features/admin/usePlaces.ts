import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName, isLanguage, type Language } from '../../domain/localizedName.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import type { SelectOption } from '../../ui/SelectField.tsx';

export interface Place {
  id: string;
  name: string;
  /** A school's municipality; undefined for a municipality. */
  municipalityId?: string;
}

export interface Places {
  /** Until the first sync brings them, the phone has no places to offer. */
  loaded: boolean;
  schools: readonly Place[];
  municipalities: readonly Place[];
  schoolOptions: readonly SelectOption[];
  municipalityOptions: readonly SelectOption[];
  schoolName: (id: string | null) => string | undefined;
  municipalityName: (id: string | null) => string | undefined;
  school: (id: string) => Place | undefined;
}

function byName(a: Place, b: Place, language: string): number {
  return a.name.localeCompare(b.name, language);
}

/**
 * Schools and municipalities in the interface language. Everyone signed in
 * receives them with sync (they hold no child data), so an administrator
 * picks a role's place from the phone rather than typing an id.
 */
export function usePlaces(): Places {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  const schoolRows = useLiveQuery(() => db.schools.toArray(), []);
  const municipalityRows = useLiveQuery(() => db.municipalities.toArray(), []);
  return useMemo(() => {
    const schools = (schoolRows ?? [])
      .map((row) => ({ id: row.id, name: displayName(row.name, language), municipalityId: row.municipalityId }))
      .sort((a, b) => byName(a, b, language));
    const municipalities = (municipalityRows ?? [])
      .map((row) => ({ id: row.id, name: displayName(row.name, language) }))
      .sort((a, b) => byName(a, b, language));
    const schoolsById = new Map(schools.map((school) => [school.id, school]));
    const municipalitiesById = new Map(municipalities.map((place) => [place.id, place]));
    const options = (places: readonly Place[]) => places.map((place) => ({ value: place.id, label: place.name }));
    return {
      loaded: schoolRows !== undefined && municipalityRows !== undefined,
      schools,
      municipalities,
      schoolOptions: options(schools),
      municipalityOptions: options(municipalities),
      schoolName: (id) => (id === null ? undefined : schoolsById.get(id)?.name),
      municipalityName: (id) => (id === null ? undefined : municipalitiesById.get(id)?.name),
      school: (id) => schoolsById.get(id),
    };
  }, [schoolRows, municipalityRows, language]);
}
